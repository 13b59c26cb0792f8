"""A small dependency-free client for Odoo 19's external API.

``Client`` speaks JSON-2 (``POST /json/2/<model>/<method>``) with an API key;
``Client.login`` opens a session with a login and password instead (for scripts
that act as several users, e.g. reviewers of an approval chain) and goes through
``/web/dataset/call_kw``. Both expose the same ``call``.

Configuration comes from the environment:

- ``QC_URL``      the server, default ``http://localhost:8069``
- ``QC_DB``       the database, default ``quality_demo``
- ``QC_API_KEY``  an API key (Preferences > Account Security > New API Key)

Every call sends named arguments only, as JSON-2 requires: ``ids`` for the
records, ``context`` for the context, then the method's own keywords.
"""

import http.cookiejar
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
        self.api_key = api_key or os.environ.get("QC_API_KEY")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.uid = None

    @classmethod
    def login(cls, login, password, url=None, db=None):
        """A client acting as ``login`` through a web session."""
        client = cls(url=url, db=db, api_key="-")
        result = client._post(
            "/web/session/authenticate",
            {"params": {"db": client.db, "login": login, "password": password}},
        )
        client.uid = result["uid"]
        client.api_key = None
        return client

    def _post(self, path, payload, headers=None):
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(payload).encode(),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                **(headers or {}),
            },
        )
        try:
            with self.opener.open(request, timeout=120) as response:
                body = json.load(response)
        except urllib.error.HTTPError as error:
            raw = error.read().decode(errors="replace")
            try:
                message = json.loads(raw).get("message", raw)
            except ValueError:
                message = f"HTTP {error.code}: {raw[:500]}"
            raise OdooError(message) from None
        if isinstance(body, dict) and body.get("jsonrpc"):
            if "error" in body:
                data = body["error"].get("data", {})
                raise OdooError(data.get("message") or body["error"].get("message"))
            return body.get("result")  # a method returning None sends no result
        return body

    def call(self, model, method, ids=(), **kwargs):
        if self.api_key:
            return self._post(
                f"/json/2/{model}/{method}",
                dict(kwargs, ids=list(ids)) if ids else kwargs,
                headers={
                    "Authorization": f"bearer {self.api_key}",
                    "X-Odoo-Database": self.db,
                },
            )
        args = [list(ids)] if ids else []
        if "vals_list" in kwargs:  # call_kw passes create's records positionally
            args.append(kwargs.pop("vals_list"))
        payload = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self._post(f"/web/dataset/call_kw/{model}/{method}", {"params": payload})

    def search_read(self, model, domain, fields, **kwargs):
        return self.call(model, "search_read", domain=domain, fields=fields, **kwargs)

    def read(self, model, ids, fields):
        return self.call(model, "read", ids=ids, fields=fields)

    def create(self, model, vals):
        """Create one record and return its id."""
        result = self.call(model, "create", vals_list=[vals])
        return result[0] if isinstance(result, list) else result

    def ref(self, xmlid):
        """The database id of an XML id (``module.name``)."""
        module, name = xmlid.split(".")
        rows = self.search_read(
            "ir.model.data", [("module", "=", module), ("name", "=", name)], ["res_id"]
        )
        if not rows:
            raise OdooError(f"no record {xmlid}")
        return rows[0]["res_id"]
