import factory

from tests.factories import AgencyFactory
from tumbuh.toolkit.models import Question


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question an agency's admin added to its bank."""

    class Meta:
        model = Question

    framework = "grow"
    stage = "goal"
    text = factory.Sequence(lambda n: f"Apa yang ingin Anda capai dengan program {n}?")
    text_en = factory.Sequence(lambda n: f"What do you want to achieve with programme {n}?")
    agency = factory.SubFactory(AgencyFactory)
