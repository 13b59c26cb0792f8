"""A twenty-line client for Odoo 19's JSON-2 API (``POST /json/2/<model>/<method>``).

Configuration comes from the environment:

- ``QC_URL``      the server, default ``http://localhost:8069``
- ``QC_DB``       the database, default ``quality_demo``
- ``QC_API_KEY``  an API key (Preferences > Account Security > New API Key)

Every call sends named arguments only, as JSON-2 requires: ``ids`` for the
records, ``context`` for the context, then the method's own keywords.
"""

import json
import os
import urllib.error
import urllib.request


class OdooError(Exception):
    """The server refused the call; ``args[0]`` is Odoo's message."""


class Client:
    def __init__(self, url=None, db=None, api_key=None):
        self.url = (url or os.environ.get("QC_URL", "http://localhost:8069")).rstrip(
            "/"
        )
        self.db = db or os.environ.get("QC_DB", "quality_demo")
        self.api_key = api_key or os.environ["QC_API_KEY"]

    def call(self, model, method, **kwargs):
        request = urllib.request.Request(
            f"{self.url}/json/2/{model}/{method}",
            data=json.dumps(kwargs).encode(),
            headers={
                "Authorization": f"bearer {self.api_key}",
                "X-Odoo-Database": self.db,
                "Content-Type": "application/json; charset=utf-8",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            raw = error.read().decode(errors="replace")
            try:
                message = json.loads(raw).get("message", raw)
            except ValueError:
                message = f"HTTP {error.code}: {raw[:500]}"
            raise OdooError(message) from None

    def search_read(self, model, domain, fields, **kwargs):
        return self.call(model, "search_read", domain=domain, fields=fields, **kwargs)

    def ref(self, xmlid):
        """The database id of an XML id (``module.name``)."""
        module, name = xmlid.split(".")
        rows = self.search_read(
            "ir.model.data", [("module", "=", module), ("name", "=", name)], ["res_id"]
        )
        if not rows:
            raise OdooError(f"no record {xmlid}")
        return rows[0]["res_id"]
