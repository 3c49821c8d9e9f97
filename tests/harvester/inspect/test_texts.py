"""The inspection completed by what the README, CONTRIBUTING and CLA files say."""

from __future__ import annotations

from harvester.inspect.texts import with_texts
from harvester.inspect.tree import classify
from harvester.records import FileKind, Inspection, TreeEntry

README = (
    b"# Stadtplan\n\nDie App zeigt alle Orte der Stadt auf einer Karte und nutzt die "
    b"SensorThings API.\n\n## Installation\n\nnpm install\n"
)


def _inspection(*paths: str) -> Inspection:
    entries = [TreeEntry(path, FileKind.FILE, 1, "0" * 40) for path in paths]
    return classify(entries, truncated=False, commit="c", branch="main")


def _complete(files: dict[str, bytes], *unread: str) -> Inspection:
    return with_texts(_inspection(*files, *unread), files)


def test_reads_the_readme() -> None:
    readme = _complete({"README.md": README}).readme
    assert readme is not None
    assert (readme.path, readme.title, readme.install_line) == ("README.md", "Stadtplan", 5)


def test_reads_the_readme_a_forge_shows_when_several_were_read() -> None:
    readme = _complete({"README.rst": b"Other\n=====\n", "README.md": README}).readme
    assert readme is not None
    assert readme.path == "README.md"


def test_has_no_readme_when_none_was_read() -> None:
    assert _complete({"LICENSE": b"MIT"}, "README.md").readme is None


def test_keeps_the_path_facts() -> None:
    inspection = _complete({"README.md": README, "LICENSE": b"MIT"})
    assert inspection.licence_files == ("LICENSE",)


def test_the_security_contact_is_the_first_text_naming_one() -> None:
    files = {
        "README.md": README,
        ".github/CONTRIBUTING.md": b"Report security issues to security@stadt.de.",
    }
    assert _complete(files).security_contact == ".github/CONTRIBUTING.md"


def test_the_readme_comes_first_for_a_security_contact() -> None:
    files = {"README.md": README + b"\n## Security\n", "CONTRIBUTING.md": b"## Security\n"}
    assert _complete(files).security_contact == "README.md"


def test_there_is_no_security_contact_when_no_text_names_one() -> None:
    assert (
        _complete({"README.md": README, "CONTRIBUTING.md": b"PRs welcome."}).security_contact
        is None
    )


def test_the_governance_section_is_the_path_that_has_it() -> None:
    files = {"README.md": README, "CONTRIBUTING.md": b"## Governance\n\nThe council decides."}
    assert _complete(files).governance_section == "CONTRIBUTING.md"


def test_the_contributing_section_is_looked_for_in_the_readme_only() -> None:
    readme = README + b"\n## Mitwirken\n\nIssues und Merge Requests sind willkommen.\n"
    assert _complete({"README.md": readme}).contributing_section == "README.md"
    assert _complete({"README.md": README}).contributing_section is None


def test_names_the_standards_of_the_readme() -> None:
    assert _complete({"README.md": README}).standards_declared == ("SensorThings API",)


def test_standards_named_elsewhere_do_not_count() -> None:
    files = {"README.md": b"# App\n", "CONTRIBUTING.md": b"Test against the WMS."}
    assert _complete(files).standards_declared == ()


def test_a_cla_demanding_a_transfer_is_an_assignment() -> None:
    files = {"CLA.md": b"You hereby assign your copyright to the city.", "README.md": README}
    assert _complete(files).cla_assignment is True


def test_a_cla_granting_a_licence_is_no_assignment() -> None:
    files = {
        "CLA.md": b"You grant a non-exclusive copyright license.",
        "CONTRIBUTING.md": b"Sign the CLA.",
    }
    assert _complete(files).cla_assignment is False


def test_a_contributing_guide_demanding_a_transfer_is_an_assignment() -> None:
    text = "Mit dem Beitrag werden alle Nutzungsrechte an die Stadt übertragen."
    files = {"CONTRIBUTING.md": text.encode()}
    assert _complete(files).cla_assignment is True


def test_a_dco_in_the_contributing_guide_is_no_assignment() -> None:
    files = {"CONTRIBUTING.md": b"Sign off every commit (Developer Certificate of Origin)."}
    assert _complete(files).cla_assignment is False


def test_a_cla_file_that_says_nothing_clear_is_unsure() -> None:
    assert _complete({"CLA.md": b"See https://cla.example.org"}).cla_assignment is None


def test_a_cla_file_that_was_not_read_is_unsure() -> None:
    assert _complete({"README.md": README}, "CLA.md").cla_assignment is None


def test_a_contributing_guide_naming_an_agreement_of_unknown_kind_is_unsure() -> None:
    assert _complete({"CONTRIBUTING.md": b"Please sign our CLA first."}).cla_assignment is None


def test_without_any_agreement_nothing_is_assigned() -> None:
    files = {"README.md": README, "CONTRIBUTING.md": b"Open a merge request."}
    assert _complete(files).cla_assignment is False


def test_texts_of_files_outside_the_inspection_are_ignored() -> None:
    files = {"docs/guide.md": b"## Security\nsecurity@x.de", "README.md": b"# App\n"}
    assert _complete(files).security_contact is None
