"""Every name a user may give an indicator: ids, ``P.MP.i.a``, ``1.i.a``, BPS codes."""

from __future__ import annotations

from zi_docs.catalogue.model import Node, fold


def build_aliases(roots: tuple[Node, ...]) -> tuple[dict[str, str], dict[str, str]]:
    """Every way a user may name a node (folded -> id), and the short name shown per id.

    The short name is the area-named alias as users write it (``P.MP.i.a``; ``MP.i.a`` in a
    catalogue without Pemenuhan/Reform), kept in its printed case.
    """
    aliases: dict[str, str] = {}
    short: dict[str, str] = {}

    def add(alias: str, node_id: str) -> None:
        aliases.setdefault(fold(alias), node_id)

    for root in roots:
        bagian = [c for c in root.children if c.level == "bagian"]
        containers = bagian or [root]
        for index, container in enumerate(containers):
            letter = (container.code or "")[:1].upper()
            for node in container.walk():
                add(node.id, node.id)
                if node.kode_bps:
                    add(node.kode_bps, node.id)
                if node is container or not node.id.startswith(container.id + "."):
                    continue
                relative = node.id[len(container.id) + 1 :]
                first, _, rest = relative.partition(".")
                if node.area and first.isdigit():
                    named = node.area + ("." + rest if rest else "")
                    alias = f"{letter}.{named}" if bagian else named
                    add(alias, node.id)
                    short.setdefault(node.id, alias)
                if root.code == "pengungkit" and index == 0:
                    add(relative, node.id)
        for node in root.walk():
            add(node.id, node.id)
    return aliases, short
