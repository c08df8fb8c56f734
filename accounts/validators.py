from django.contrib.auth.password_validation import MinimumLengthValidator as BaseMinimumLength


class MinimumLengthValidator(BaseMinimumLength):
    """Django's, with the Dutch error its translations lack since Django 5.2 changed the text."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort: het moet minstens {self.min_length} tekens hebben."
