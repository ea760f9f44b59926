from statements.models.article import Article
from statements.models.event import Event
from statements.models.jobs import ImportJob, ImportJobPart
from statements.models.review import ReviewQueueStatement
from statements.models.speaker import Speaker, SpeakerAlias, SpeakerRole
from statements.models.speaker_redirect import SpeakerRedirect
from statements.models.statement import (
    EventLink,
    ReviewStatus,
    Statement,
    StatementEvent,
    StatementKind,
)
from statements.models.tag import Tag
from statements.models.utterance import Utterance

__all__ = [
    "Article",
    "Event",
    "EventLink",
    "ImportJob",
    "ImportJobPart",
    "ReviewQueueStatement",
    "ReviewStatus",
    "Speaker",
    "SpeakerAlias",
    "SpeakerRedirect",
    "SpeakerRole",
    "Statement",
    "StatementEvent",
    "StatementKind",
    "Tag",
    "Utterance",
]
