"""Report pages share their chart and table scripts (report.with_shared_scripts), and a
page can be made self-contained again (report.standalone_html)."""

from __future__ import annotations

import nbformat
import pytest

from borderlines import report
from borderlines.charts import vega_bundle_html


def _notebook(html: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("setup()")
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "x"})]
    nb.cells = [cell]
    return nb


def test_shared_scripts_are_referred_to_and_inlined_back(tmp_path):
    scripts = report.shared_scripts()
    assert sorted(n.split("-")[0] for n in scripts) == ["itables", "vega"]
    vega = next(n for n in scripts if n.startswith("vega-"))
    nb, used = report.with_shared_scripts(_notebook("<p>before</p>" + vega_bundle_html() + "<p>after</p>"))
    html = nb.cells[0].outputs[0].data["text/html"]
    assert used == [vega]
    assert html == f'<p>before</p><script src="assets/{vega}" data-borderlines="shared-script"></script><p>after</p>'
    [asset] = report.write_assets(tmp_path, used)
    assert asset == tmp_path / "assets" / vega and asset.read_text(encoding="utf-8") == scripts[vega][1]

    page = tmp_path / "01_x.html"
    page.write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
    out = report.write_standalone(page, tmp_path / "mail")
    assert out == tmp_path / "mail" / "01_x.standalone.html"
    alone = out.read_text(encoding="utf-8")
    assert "assets/" not in alone and scripts[vega][1] in alone
    assert alone.startswith("<html><body><p>before</p><script")
    assert alone.endswith("</script><p>after</p></body></html>")


def test_standalone_reads_the_tag_with_attributes_in_either_order(tmp_path):
    # nbconvert writes the tag's attributes in its own order
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "vega-0123456789ab.js").write_text("window.drawn = 1;")
    page = tmp_path / "p.html"
    page.write_text('<p><script data-borderlines="shared-script" src="assets/vega-0123456789ab.js"></script></p>')
    assert report.standalone_html(page) == '<p><script type="text/javascript">window.drawn = 1;</script></p>'


def test_an_output_unlike_ours_stays_inline():
    changed = vega_bundle_html().replace("vega-embed bundle", "another bundle")
    nb, used = report.with_shared_scripts(_notebook(changed))
    assert used == [] and nb.cells[0].outputs[0].data["text/html"] == changed


def test_standalone_names_a_missing_asset(tmp_path):
    page = tmp_path / "02_y.html"
    page.write_text('<script src="assets/vega-0123456789ab.js" data-borderlines="shared-script"></script>')
    with pytest.raises(FileNotFoundError, match=r"assets/vega-0123456789ab\.js.*copy the study's assets/ folder"):
        report.standalone_html(page)
