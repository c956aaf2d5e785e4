"""Schema pieces for people, shared by the kinds (not a kind itself: no ``KIND``)."""

from __future__ import annotations

from dataclasses import replace

from zi_docs.nip import NIP
from zi_docs.schema import Field, Record, Text

PERSON = Record(
    Field("nama", Text(max_len=200), help="nama lengkap dengan gelar", example="Ahmad Fauzi, S.T."),
    Field("nip", NIP, help="NIP 18 digit, atau '-' bila bukan ASN"),
    Field("jabatan", Text(max_len=300), help="jabatan", example="Kepala Bidang Perizinan"),
    Field("pangkat", Text(max_len=100), required=False, help="pangkat, misalnya Pembina"),
    Field("golongan", Text(max_len=20), required=False, help="golongan ruang, misalnya IV/a"),
)
"""A civil servant (or anyone with ``nip: '-'``)."""

SIGNER = Record(*(replace(f, required=False) if f.name == "nip" else f for f in PERSON.fields))
"""Someone who signs (an SOP's approver, the head of the monev team): a person whose NIP may
be left out."""
