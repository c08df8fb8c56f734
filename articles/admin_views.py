"""What editors see in the Wagtail admin beyond the page and snippet forms: the document upload
form, the users list, the listings with what readers save and follow, the dashboard panel."""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm

from articles import documents

# Documents ----------------------------------------------------------------------------------

ACCEPTED_FILES = (
    ".pdf,.docx,.odt,application/pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
    "application/vnd.oasis.opendocument.text"
)


class DocumentFileField(WagtailDocumentField):
    """Wagtail's file field with our limit and Dutch messages (also for the multiple
    uploader, which checks the size in the browser first)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_upload_size = settings.DOCUMENT_MAX_UPLOAD_SIZE
        self.max_upload_size_text = documents.max_upload_size_text()
        self.help_text = (
            f"Een PDF-, DOCX- of ODT-bestand van hoogstens {self.max_upload_size_text}."
        )
        self.error_messages["file_too_large_unknown_size"] = (
            f"Dit bestand is te groot. De grens is {self.max_upload_size_text}."
        )
        self.widget.attrs["accept"] = ACCEPTED_FILES

    def check_document_file_size(self, f):
        if error := documents.document_size_error(f.size):
            raise ValidationError(error, code="file_too_large")


class DocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), for one upload and for the
    multiple uploader: a new file must be a PDF, DOCX or ODT by name and content, and small
    enough. A refused file is stored nowhere: the errors belong to the file field, so the
    multiple uploader does not keep it aside either."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            old = self.fields["file"]
            self.fields["file"] = DocumentFileField(
                label=old.label, required=old.required, widget=old.widget
            )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or "file" not in self.changed_data:
            return file
        if error := documents.document_upload_error(file, name=file.name):
            raise ValidationError(error, code="invalid_document")
        return file

    def _post_clean(self):
        refused = "file" in self._errors
        super()._post_clean()
        if refused:
            # The model's own extension check, run on the empty file, adds nothing useful.
            del self._errors["file"][1:]
