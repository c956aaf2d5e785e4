"""Generated documents: YAML input -> validated data -> template check -> .docx (-> PDF).

The front door: clients (the CLI, the web app, other packages) call only what ``__all__``
names. Engines stay inside: docxtpl in :mod:`zi_docs.documents.render`, python-docx building
there and in :mod:`zi_docs.documents.docprops`, every Pillow chart in
:mod:`zi_docs.documents.charts` (the Laporan SKM's in ``charts.skm``), LibreOffice
in :mod:`zi_docs.documents.pdf`. Other packages render their reports with
:func:`render_builtin`.
"""

from typing import TYPE_CHECKING

from zi_docs import _lazy

if TYPE_CHECKING:
    from zi_docs.documents.archiving import Archived, archive_generated
    from zi_docs.documents.charts import Bar, bar_chart
    from zi_docs.documents.consistency import consistency_findings
    from zi_docs.documents.docprops import DocumentInfo, read_info, read_served
    from zi_docs.documents.formatting import tanggal
    from zi_docs.documents.generation import (
        OUTPUT_FOLDER,
        GenerateAllResult,
        GenerateResult,
        generate,
        generate_all,
    )
    from zi_docs.documents.input_edit import (
        DocumentInput,
        check_input_data,
        document_inputs,
        input_for_kind,
        input_path,
        save_input,
    )
    from zi_docs.documents.kind import DocumentKind
    from zi_docs.documents.kinds.laporan_skm import write_report as write_skm_report
    from zi_docs.documents.pdf import convert_to_pdf, find_soffice
    from zi_docs.documents.registry import all_kinds, get_kind, served_by
    from zi_docs.documents.reports import render_builtin
    from zi_docs.documents.staff_list import read_rows as read_staff_rows
    from zi_docs.documents.template_check import TemplateReport
    from zi_docs.documents.templates import (
        FieldInfo,
        KindDescription,
        TemplateEntry,
        check_templates,
        describe_kind,
        list_templates,
    )

# name -> the module it is read from, loaded on first use (zi_docs._lazy)
_HOMES = {
    "Archived": "archiving",
    "Bar": "charts",
    "DocumentInfo": "docprops",
    "DocumentKind": "kind",
    "FieldInfo": "templates",
    "GenerateAllResult": "generation",
    "GenerateResult": "generation",
    "KindDescription": "templates",
    "OUTPUT_FOLDER": "generation",
    "TemplateEntry": "templates",
    "TemplateReport": "template_check",
    "all_kinds": "registry",
    "archive_generated": "archiving",
    "bar_chart": "charts",
    "check_input_data": "input_edit",
    "check_templates": "templates",
    "consistency_findings": "consistency",
    "convert_to_pdf": "pdf",
    "describe_kind": "templates",
    "find_soffice": "pdf",
    "generate": "generation",
    "generate_all": "generation",
    "input_path": "input_edit",
    "DocumentInput": "input_edit",
    "document_inputs": "input_edit",
    "input_for_kind": "input_edit",
    "save_input": "input_edit",
    "tanggal": "formatting",
    "get_kind": "registry",
    "list_templates": "templates",
    "read_info": "docprops",
    "read_served": "docprops",
    "read_staff_rows": "staff_list:read_rows",
    "render_builtin": "reports",
    "served_by": "registry",
    "write_skm_report": "kinds.laporan_skm:write_report",
}
_lazy.door(__name__, _HOMES)

__all__ = [
    "OUTPUT_FOLDER",
    "Archived",
    "Bar",
    "DocumentInfo",
    "DocumentInput",
    "DocumentKind",
    "FieldInfo",
    "GenerateAllResult",
    "GenerateResult",
    "KindDescription",
    "TemplateEntry",
    "TemplateReport",
    "all_kinds",
    "archive_generated",
    "bar_chart",
    "check_input_data",
    "check_templates",
    "consistency_findings",
    "convert_to_pdf",
    "describe_kind",
    "document_inputs",
    "find_soffice",
    "generate",
    "generate_all",
    "get_kind",
    "input_for_kind",
    "input_path",
    "list_templates",
    "read_info",
    "read_served",
    "read_staff_rows",
    "render_builtin",
    "save_input",
    "served_by",
    "tanggal",
    "write_skm_report",
]
