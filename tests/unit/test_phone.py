"""Phone numbers in the forms people and switches write them."""

import random

import pytest

from agent_app.domain.errors import ValidationError
from agent_app.domain.phone import normalize_phone
from agent_app.services.demo import content


@pytest.mark.parametrize("raw", ["13800138000", "+86 138-0013-8000", "008613800138000", "8613800138000",
                                 "138 0013 8000", "013800138000", "+86(138)00138000"])
def test_mobile_forms(raw):
    assert normalize_phone(raw).canonical == "13800138000"
    assert normalize_phone(raw).kind == "mobile"


@pytest.mark.parametrize("raw", ["020-8333 1234", "(020)83331234", "02083331234", "83331234", "8333-1234",
                                 "+86 20 8333 1234", "0086-20-83331234", "86-20-83331234"])
def test_landline_with_or_without_area_code(raw):
    assert normalize_phone(raw, "020").canonical == "02083331234"


def test_local_landline_takes_the_company_area_code():
    assert normalize_phone("26531234", "0755").canonical == "075526531234"
    assert normalize_phone("0755-2653 1234").display == "0755-26531234"


def test_service_numbers_stay_as_dialled():
    assert normalize_phone("12345").kind == "service"
    assert normalize_phone("400-880-1569").canonical == "4008801569"


@pytest.mark.parametrize("raw", ["", "abc", "123", "+1 555 0100", "0000000", "1380013800", "138001380001",
                                 "020-0333123"])
def test_malformed_numbers_are_refused_with_a_message(raw):
    with pytest.raises(ValidationError) as refused:
        normalize_phone(raw)
    assert "不是有效的电话号码" in refused.value.message("zh_CN")
    assert "is not a valid phone number" in refused.value.message("en")


def test_every_way_the_demo_writes_a_number_normalizes_back_to_it():
    """The bulk demo stores a customer's landline in the phone index as written by `content.landline`
    (area code + number) and shows it in any of five styles; lookups normalize what they are given."""
    rng = random.Random(11)
    for area in ("020", "0757"):
        for _ in range(200):
            line, mobile = content.landline(rng, area), content.mobile(rng)
            assert normalize_phone(content.shown(line, rng), area).canonical == line
            assert normalize_phone(content.shown(mobile, rng), area).canonical == mobile
