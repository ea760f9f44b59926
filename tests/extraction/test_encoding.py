"""Legacy encodings must decode to the same text an editor would see."""

from pathlib import Path

import pytest

from statements.extraction.readers.encoding import decode_bytes, detect_encoding

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def test_utf8_is_taken_as_is():
    text = "Ferrant said \u201cno\u201d \u2014 twice."
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_bom_is_dropped():
    assert decode_bytes(b"\xef\xbb\xbfHeadline") == "Headline"


def test_utf16_with_bom_file():
    text = decode_bytes((FIXTURES / "bom_utf16.txt").read_bytes())
    assert text.startswith("Varga: \u201cThe border is a bridge")
    assert "\ufeff" not in text


def test_windows_1252_curly_quotes_are_single_bytes():
    data = (FIXTURES / "legacy_cp1252.txt").read_bytes()
    assert b"\x93" in data  # a left double quote, as Windows editors save it
    text = decode_bytes(data)
    assert "\u201cno backroom deal\u201d" in text
    assert "opposition\u2019s" in text and "Ostmark \u2014 and" in text


def test_latin1_accents():
    text = decode_bytes((FIXTURES / "legacy_latin1.txt").read_bytes())
    assert "n\u00e9gociations" in text and "tr\u00e8s" in text


def test_windows_1251_cyrillic():
    data = (FIXTURES / "legacy_cp1251.txt").read_bytes()
    assert detect_encoding(data) == "cp1251"
    assert "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442" in decode_bytes(data)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Der Minister erkl\u00e4rte, dass die Gespr\u00e4che f\u00fcr Kessel weitergehen.",
            "cp1252",
        ),
        (
            "Minister powiedzia\u0142, \u017ce rozmowy b\u0119d\u0105 kontynuowane w \u0141odzi.",
            "cp1250",
        ),
    ],
)
def test_short_legacy_texts_round_trip(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_declared_charset_is_used_when_it_fits():
    data = "caf\u00e9 \u201cquoted\u201d".encode("cp1252")
    assert decode_bytes(data, declared="windows-1252") == "caf\u00e9 \u201cquoted\u201d"


def test_undecodable_bytes_do_not_raise():
    assert isinstance(decode_bytes(bytes(range(256))), str)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_not_read_as_utf8_with_nuls(encoding):
    text = "Varga: \u201cThe border is a bridge,\u201d she said in Ostmark.\n" * 3
    assert detect_encoding(text.encode(encoding)) == encoding
    assert decode_bytes(text.encode(encoding)) == text


def test_text_with_a_few_zero_bytes_is_not_taken_for_utf16():
    data = b"Harbour talks resume\x00 on Friday, the minister said.\n" * 20
    assert detect_encoding(data) == "utf-8"
