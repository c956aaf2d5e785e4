from django.apps import AppConfig


class ZiWebConfig(AppConfig):
    name = "zi_docs.web.app"
    label = "zi_web"
    verbose_name = "zi-docs"
    default_auto_field = "django.db.models.BigAutoField"
