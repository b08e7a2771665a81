from ninja import Router, Schema

from tumbuh.common.api import LIST

router = Router(tags=["people"])


class MeOut(Schema):
    id: int
    nip: str | None
    full_name: str
    email: str
    time_zone: str
    language: str
    roles: list[str]


@router.get("/me", response={200: MeOut, **LIST}, summary="The logged-in employee")
def me(request):
    user = request.user
    return {
        "id": user.pk,
        "nip": user.nip,
        "full_name": user.full_name,
        "email": user.email,
        "time_zone": user.time_zone,
        "language": user.language,
        "roles": sorted(user.role_grants.values_list("role", flat=True).distinct()),
    }
