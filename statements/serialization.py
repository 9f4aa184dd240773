"""JSON as dumpdata writes it, with times to the microsecond: the backup format.

Django's JSON encoder cuts a time to the millisecond, so an archive restored from it would not hold
the times it was backed up with (nor back up to the same file), and history rows written within
the same millisecond would tie. The standard JSON deserializer reads these times as they are.
"""

from __future__ import annotations

import datetime as dt

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactJSONEncoder
