import pytest

ARTICLE = """Veloria to reopen harbour after strike

10 March 2025

The harbour of Port Ansel will reopen this week, Transport Minister Arvid Holm said on Monday.

"The harbour will reopen on Friday, and every ship will be cleared by the weekend," Holm said.

Union leader Marta Quist rejected the plan. "Nothing has been agreed with the dockers," she told reporters.

Based on materials from Northern Wire Service
"""


@pytest.fixture
def article_text() -> str:
    return ARTICLE


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write
