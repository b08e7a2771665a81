"""The written recommendation of a closed consulting request, as a PDF (WeasyPrint)."""

from django.template.loader import render_to_string
from django.utils import timezone

from .models import ProviderProfile, ServiceRequest


def recommendation_pdf(*, request: ServiceRequest) -> bytes:
    """The recommendation with who asked, who answered (and their certifications) and when, as PDF bytes.

    Written in the active language and time zone (the reader's). The document fetches nothing from outside;
    only data: URIs (such as a chart) may appear in it.
    """
    # WeasyPrint is slow to import; only this document needs it.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    profile = (
        ProviderProfile.objects.filter(employee_id=request.provider_id).prefetch_related("certifications").first()
        if request.provider_id
        else None
    )
    html = render_to_string(
        "service/recommendation_pdf.html",
        {
            "req": request,
            "profile": profile,
            "certifications": list(profile.certifications.all()) if profile else [],
            "now": timezone.now(),
        },
    )
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
