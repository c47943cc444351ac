"""A territory's reference data as files: `export-reference` from the running demo portal (with
an organisation edited in /admin), `import-reference` into an empty folder, first without `--apply`
(it lists every entry and changes nothing), then with it; a second server on that folder shows the
same commune and procedure pages."""

from __future__ import annotations

import re
import subprocess
import urllib.request
from pathlib import Path

from portal_server import ROOT, PortalServer, server_binary


def run(*arguments: str) -> str:
    result = subprocess.run([str(server_binary()), *arguments, "--resources", str(ROOT / "Resources")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def main_text(url: str) -> str:
    """The page's <main>, without the form tokens that differ between two servers."""
    with urllib.request.urlopen(url, timeout=30) as response:
        html = response.read().decode("utf-8")
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r'name="_csrf" value="[^"]*"', "", main)


def test_an_export_imported_into_an_empty_folder_shows_the_same_pages(browser, server, data_folder, tmp_path):
    browser.log_in("admin@demo.cctoval.fr")
    browser.open("/admin/organisations/mairie-37036")
    browser.fill("phone", "02 47 24 00 36")
    browser.fill("hours-wednesday", "10 h – 12 h")
    browser.submit_with(browser.button("Enregistrer"))
    assert "sont enregistrées" in browser.text()

    files = tmp_path / "reference"
    exported = run("export-reference", "--data", str(data_folder), "--to", str(files))
    assert "28 communes" in exported
    assert sorted(path.name for path in files.iterdir()) == ["communes.csv", "organisations.json", "procedures.json"]

    empty = tmp_path / "nouveau"
    dry = run("import-reference", "--data", str(empty), "--from", str(files))
    assert "+ commune 37123 (Langeais) : ajout" in dry
    assert "rien n'a changé : relancez avec --apply" in dry
    assert "Aucune différence" in run("import-reference", "--data", str(data_folder), "--from", str(files))
    applied = run("import-reference", "--data", str(empty), "--from", str(files), "--apply")
    assert "appliquées et inscrites au journal" in applied

    copy = PortalServer(empty, demo=False, log_path=tmp_path / "copy.log")
    try:
        for path in ["/communes/37036", "/demarches/acte-de-naissance?commune=37036", "/qui-fait-quoi", "/demarches"]:
            assert main_text(copy.base_url + path) == main_text(server + path), path
        assert "02 47 24 00 36" in main_text(copy.base_url + "/communes/37036")
    finally:
        copy.stop()
