"""Planned histories: dated back from today, with releases and reviewed merges."""

from __future__ import annotations

import datetime

from registry.demo.history import Activity, Person, plan, releases

TODAY = datetime.date(2026, 11, 21)
ANNA = Person("Anna Schneider", "anna.schneider@beispielstadt.example")
JONAS = Person("Jonas Becker", "jonas.becker@beispielstadt.example")


def planned(activity: Activity):
    return plan(
        activity,
        TODAY,
        {"README.md": b"# App\n"},
        lambda number, message: {"src/app.py": f"# {number}\n".encode()},
        lambda index: {"CHANGELOG.md": f"## {index}\n".encode()},
    )


def test_dates_run_from_the_first_day_to_the_last_counted_back_from_today() -> None:
    history = planned(Activity(first=300, last=5, changes=10, authors=(ANNA,)))
    days = [(TODAY - commit.when.date()).days for commit in history.commits]
    assert days[0] == 300 and days[-1] == 5
    assert days == sorted(days, reverse=True)


def test_the_same_day_gives_the_same_history() -> None:
    activity = Activity(first=100, last=1, changes=12, authors=(ANNA, JONAS), release_every=4)
    assert planned(activity) == planned(activity)


def test_every_release_is_tagged_on_its_own_commit_that_writes_the_change_log() -> None:
    activity = Activity(first=400, last=10, changes=12, authors=(ANNA,), release_every=4)
    history = planned(activity)
    assert list(history.tags) == ["v1.0.0", "v1.0.1", "v1.0.2"]
    for tag, index in history.tags.items():
        commit = history.commits[index]
        assert commit.message == f"Version {tag[1:]}" and "CHANGELOG.md" in commit.files


def test_versions_go_up_a_minor_version_after_three_patches() -> None:
    activity = Activity(first=400, last=10, changes=16, authors=(ANNA,), release_every=4)
    assert [r.version for r in releases(activity, TODAY)] == ["1.0.0", "1.0.1", "1.0.2", "1.1.0"]


def test_reviewed_changes_arrive_as_merges_with_a_reviewed_by_trailer() -> None:
    activity = Activity(first=90, last=1, changes=6, authors=(ANNA, JONAS), reviewed_merges=True)
    history = planned(activity)
    merges = [commit for commit in history.commits if len(commit.parents) == 2]
    assert len(merges) == 2
    for merge in merges:
        topic = history.commits[merge.parents[1]]
        assert topic.ref == "refs/heads/topic"
        (trailer,) = merge.trailers
        assert trailer[0] == "Reviewed-by" and topic.author.name not in trailer[1]


def test_a_single_author_never_reviews_their_own_change() -> None:
    activity = Activity(first=90, last=1, changes=6, authors=(ANNA,), reviewed_merges=True)
    assert all(len(commit.parents) <= 1 for commit in planned(activity).commits)
