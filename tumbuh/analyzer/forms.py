from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from tumbuh.common.forms import StyledForm

from .services import MAX_TRANSCRIPT_BYTES, check_size


def decode_upload(upload: UploadedFile) -> str:
    """The upload's text. Its size is checked first, so a huge file is refused without being read."""
    check_size(upload.size or 0)
    data = upload.read(MAX_TRANSCRIPT_BYTES)
    for encoding, bom in (("utf-16", b"\xff\xfe"), ("utf-16", b"\xfe\xff"), ("utf-8-sig", b"")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    raise ValidationError(
        _("The file is not UTF-8 text. Open it in a text editor, save it with the UTF-8 encoding and upload it again."),
        code="encoding",
    )


EMPTY = _("The transcript is empty. Upload the .vtt file or paste the conversation.")


class TranscriptForm(StyledForm):
    """Step 1: the transcript, uploaded as a file or pasted."""

    upload = forms.FileField(
        label=_("Transcript file"),
        required=False,
        help_text=_("A .vtt file from Zoom, Google Meet or Teams (with speaker names), or a .txt file."),
        widget=forms.ClearableFileInput(attrs={"accept": ".vtt,.txt,text/vtt,text/plain"}),
        error_messages={"empty": EMPTY},
    )
    text = forms.CharField(
        label=_("Or paste the conversation"),
        required=False,
        strip=False,
        help_text=_("One turn per line, starting with the speaker's name: “Sari: Apa yang ingin Anda capai?”"),
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("upload"), cleaned.get("text") or ""
        if self.errors:
            return cleaned
        if upload and text.strip():
            raise ValidationError(_("Upload a file or paste the text, not both."), code="both")
        if not upload and not text.strip():
            raise ValidationError(EMPTY, code="empty")
        if upload:
            try:
                cleaned["transcript"] = decode_upload(upload)
            except ValidationError as error:
                self.add_error("upload", error)
                return cleaned
        else:
            cleaned["transcript"] = text
        cleaned["source_name"] = upload.name if upload else ""
        return cleaned


class SpeakerForm(StyledForm):
    """Step 2, when Tumbuh cannot tell which speaker is the coach: the text travels along, nothing is stored yet."""

    step = forms.CharField(widget=forms.HiddenInput, initial="speaker")
    # A hidden textarea, not an <input>: it keeps the line breaks.
    text = forms.CharField(widget=forms.Textarea(attrs={"hidden": True}), strip=False)
    source_name = forms.CharField(widget=forms.HiddenInput, required=False)
    # Left empty, the service asks again: which name is the coach's is its call, not the form's.
    coach_speaker = forms.CharField(label=_("Which speaker are you?"), max_length=200, required=False)
