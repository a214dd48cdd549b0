"""A party written as business records write it: the name it holds, without the form of
address, the address or the branch, and each name it trades under."""

from __future__ import annotations

import pytest

from earmark.names.variants import written_parties


@pytest.mark.parametrize(
    ("query", "held"),
    [
        ("M/s MATEAS LIMITED", ["MATEAS LIMITED"]),
        ("Messrs. Acme Widgets Ltd", ["Acme Widgets Ltd"]),
        ("c/o OOO IAZ", ["OOO IAZ"]),
        ("attn: Megvii Technology", ["Megvii Technology"]),
        ("MATEAS LIMITED, 12 Main Road, Dubai, UAE", ["MATEAS LIMITED"]),
        ("Gazprom Transgaz Ukhta, OOO, 12 Main Road, Dubai", ["Gazprom Transgaz Ukhta, OOO"]),
        # two parts before the address: each is read alone too
        ("Acme Ltd, Unit 4, 7/F, Kowloon", ["Acme Ltd, Unit 4", "Acme Ltd", "Unit 4"]),
        (
            "Attn: Sales Dept., SMIC, 18 Zhangjiang Road",
            ["Sales Dept., SMIC", "Sales Dept", "SMIC"],
        ),
        # the labels of payment and shipping documents, an account number, a place alone
        ("Beneficiary: Bank Melli Iran, Ferdowsi Ave, Tehran", ["Bank Melli Iran"]),
        ("Remit to JSC Rosoboronexport Account 40702810", ["JSC Rosoboronexport"]),
        ("Notify party: IRISL Group", ["IRISL Group"]),
        (
            "Ultimate consignee: Huawei Technologies Co., Ltd., Shenzhen",
            ["Huawei Technologies Co., Ltd"],
        ),
        ("Acme Ltd, P.O. Box 1234, Dubai", ["Acme Ltd"]),
        ("PJSC MOSTOTREST d/b/a Star Trading", ["PJSC MOSTOTREST", "Star Trading"]),
        ("Acme LLC trading as Bright Star", ["Acme LLC", "Bright Star"]),
        ("OOO IAZ - Dubai Branch", ["OOO IAZ"]),
    ],
)
def test_the_names_a_business_record_holds(query: str, held: list[str]) -> None:
    assert written_parties(query) == held


@pytest.mark.parametrize(
    "query",
    [
        "Huawei Technologies Co., Ltd.",  # itself, less a dot: nothing more
        "KHAMENEI, Ali",  # a listed person's order, not an address
        # a part that is only a number names a unit of the firm, not a street
        "China Aerospace Science and Industry Corporation 3rd Academy, 31 Research Institute",
        "Gazprom Transgaz Ukhta, OOO",
    ],
)
def test_a_plain_name_holds_no_other(query: str) -> None:
    assert written_parties(query) == []
