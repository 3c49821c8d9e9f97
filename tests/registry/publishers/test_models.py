"""Publishers own their members and code hosting."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from registry.publishers.models import CodeHosting, Member, Publisher


def test_members_and_code_hosting_go_with_their_publisher(db_session: Session) -> None:
    publisher = Publisher(id="mpsc-a", name="A", kind="model-project")
    publisher.members.append(Member(name="A-Stadt", ags="01001000"))
    publisher.code_hosting.append(
        CodeHosting(url="https://github.com/a", group=True, driver="github")
    )
    db_session.add(publisher)
    db_session.commit()
    db_session.delete(publisher)
    db_session.commit()
    for model in (Member, CodeHosting):
        assert db_session.scalar(select(func.count()).select_from(model)) == 0
