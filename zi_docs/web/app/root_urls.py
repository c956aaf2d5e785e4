"""The URL root: the app's routes under the ``zi_web`` namespace, and the error pages."""

from django.urls import include, path

urlpatterns = [path("", include("zi_docs.web.app.urls"))]

handler404 = "zi_docs.web.app.errors.not_found"
handler403 = "zi_docs.web.app.errors.forbidden"
handler500 = "zi_docs.web.app.errors.server_error"
handler400 = "zi_docs.web.app.errors.bad_request"
