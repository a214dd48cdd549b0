# ruff: noqa: E501  (a table of names: one row a line)
"""Build tests/data/screening/dev_languages.csv: development queries for the issue-12 steps.

    python scripts/build_dev_languages.py

Hand-written by the developer (not the held-out author) from the developer's own knowledge:
Chinese script and pinyin of listed Chinese firms, place names in other languages, codes and
contractions, Cyrillic, Persian, Arabic and Korean renderings, and the as-pasted forms the issue
names. This set is TUNED ON; the frozen held-out set is tests/data/heldout/screening. Each row
names the listed name it must find; every current entry carrying that name (any list) counts.
"""

from __future__ import annotations

import csv
from pathlib import Path

from earmark.regdata import load_regdata

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening" / "dev_languages.csv"

ROWS: list[tuple[str, str, str]] = [
    # (kind, query, a listed name it must find)
    (
        "zh_script",
        "杭州海康威视数字技术股份有限公司",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ),
    ("zh_script", "科大讯飞股份有限公司", "IFLYTEK"),
    (
        "zh_script",
        "中芯国际集成电路制造有限公司",
        "Semiconductor Manufacturing International Corporation",
    ),
    ("zh_script", "长江存储科技有限责任公司", "Yangtze Memory Technologies Co., Ltd."),
    ("zh_script", "天津飞腾信息技术有限公司", "Tianjin Phytium Information Technology"),
    (
        "zh_script",
        "浪潮电子信息产业股份有限公司",
        "Inspur Electronic Information Industry Co., Ltd.",
    ),
    ("zh_script", "深圳市大疆创新科技有限公司", "SZ DJI Technology Co., Ltd."),
    ("zh_script", "国防科技大学", "National University of Defense Technology (NUDT)"),
    ("zh_script", "哈尔滨工业大学", "Harbin Institute of Technology"),
    ("zh_script", "北京航空航天大学", "Beihang University"),
    ("zh_script", "西北工业大学", "Northwestern Polytechnical University"),
    (
        "zh_script",
        "中国电子科技集团公司第十四研究所",
        "China Electronics Technology Group Corporation 14th Research Institute (CETC 14)",
    ),
    ("zh_script", "福建省晋华集成电路有限公司", "Fujian Jinhua Integrated Circuit Company, Ltd."),
    ("zh_script", "北京商汤科技开发有限公司", "Beijing Sensetime Technology Development Co., Ltd."),
    ("zh_script", "云从科技", "CloudWalk Technology"),
    (
        "zh_script",
        "华为技术有限公司北京分公司",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    (
        "zh_traditional",
        "華為技術有限公司",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    ("zh_traditional", "華為終端有限公司", "Huawei Device Co., Ltd."),
    (
        "zh_traditional",
        "杭州海康威視數字技術股份有限公司",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ),
    ("zh_traditional", "國防科技大學", "National University of Defense Technology (NUDT)"),
    ("zh_traditional", "哈爾濱工業大學", "Harbin Institute of Technology"),
    (
        "zh_traditional",
        "中芯國際集成電路製造有限公司",
        "Semiconductor Manufacturing International Corporation",
    ),
    (
        "pinyin",
        "Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ),
    (
        "pinyin",
        "Huawei Jishu Youxian Gongsi",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    (
        "pinyin",
        "HuaweiJishuYouxianGongsi",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    ("pinyin", "Huáwéi Zhōngduān Yǒuxiàn Gōngsī", "Huawei Device Co., Ltd."),
    ("pinyin", "Guofang Keji Daxue", "National University of Defense Technology (NUDT)"),
    ("pinyin", "Haerbin Gongye Daxue", "Harbin Institute of Technology"),
    ("pinyin", "Xibei Gongye Daxue", "Northwestern Polytechnical University"),
    ("pinyin", "Beijing Hangkong Hangtian Daxue", "Beihang University"),
    (
        "pinyin",
        "Zhongxin Guoji Jicheng Dianlu Zhizao Youxian Gongsi",
        "Semiconductor Manufacturing International Corporation",
    ),
    (
        "pinyin",
        "Changjiang Cunchu Keji Youxian Zeren Gongsi",
        "Yangtze Memory Technologies Co., Ltd.",
    ),
    (
        "pinyin",
        "Tianjin Feiteng Xinxi Jishu Youxian Gongsi",
        "Tianjin Phytium Information Technology",
    ),
    (
        "pinyin",
        "Langchao Dianzi Xinxi Chanye Gufen Youxian Gongsi",
        "Inspur Electronic Information Industry Co., Ltd.",
    ),
    ("pinyin", "Shenzhen Dajiang Chuangxin Keji Youxian Gongsi", "SZ DJI Technology Co., Ltd."),
    (
        "pinyin",
        "Fujian Jinhua Jicheng Dianlu Youxian Gongsi",
        "Fujian Jinhua Integrated Circuit Company, Ltd.",
    ),
    ("pinyin", "Kexun Feida Gufen Youxian Gongsi", "IFLYTEK"),
    ("exonym", "Moskau Aviation Institute", "Moscow Aviation Institute"),
    ("exonym", "Moskva Institute of Thermal Technology", "Moscow Institute of Thermal Technology"),
    (
        "exonym",
        "Islamic Republic of Irán Shipping Lines",
        "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES",
    ),
    (
        "exonym",
        "Islamische Republik Iran Shipping Lines",
        "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES",
    ),
    ("exonym", "Irán Air", "Iran Air"),
    ("exonym", "Peking University of Aeronautics and Astronautics", "Beihang University"),
    ("exonym", "Sberbank of Rossiya", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"),
    ("exonym", "Sberbank of Russland", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"),
    ("exonym", "Harbin Institut of Technology", "Harbin Institute of Technology"),
    (
        "country_code",
        "Islamic Republic of IR Shipping Lines",
        "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES",
    ),
    ("country_code", "Sberbank of RF", "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA"),
    (
        "country_code",
        "Foreign Trade Bank of the DPRK",
        "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
    ),
    ("country_code", "VTB Bank Kazakhstan JSC", "JOINT STOCK COMPANY VTB BANK KAZAKHSTAN"),
    ("contraction", "Iran Aircraft Mfg Indl Co", "IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY"),
    ("contraction", "Iran Aircraft Inds", "IRAN AIRCRAFT INDUSTRIES"),
    (
        "contraction",
        "Hangzhou Hikvision Digital Tech Co Ltd",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ),
    (
        "contraction",
        "Inspur Elec Info Industry Co Ltd",
        "Inspur Electronic Information Industry Co., Ltd.",
    ),
    (
        "contraction",
        "Natl Univ of Defense Tech",
        "National University of Defense Technology (NUDT)",
    ),
    ("contraction", "Shahid Hemmat Indl Grp", "Shahid Hemmat Industrial Group"),
    ("contraction", "United Aircraft Corp", "United Aircraft Corporation"),
    ("contraction", "Korea Mining Dev Trdg Corp", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
    ("contraction", "Natl Iranian Tanker Co", "NATIONAL IRANIAN TANKER COMPANY"),
    (
        "cyrillic",
        "Рособоронэкспорт",
        "Rosoboronexport OJSC (ROE)|RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT",
    ),
    (
        "cyrillic",
        "ОАО Рособоронэкспорт",
        "Rosoboronexport OJSC (ROE)|RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT",
    ),
    ("cyrillic", "Объединенная авиастроительная корпорация", "United Aircraft Corporation"),
    (
        "cyrillic",
        "Компания Сухой",
        "Sukhoi Aviation JSC|Joint Stock Company Sukhoi Company|Sukhoi Company (JSC)|Aviation Holding Company AKhK Sukhoi",
    ),
    ("cyrillic", "Газпромбанк", "GAZPROMBANK JOINT STOCK COMPANY"),
    ("cyrillic", "Ростех", "STATE CORPORATION ROSTEC"),
    (
        "cyrillic",
        "Хуавэй Текнолоджиз",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    ("cyrillic", "Московский авиационный институт", "Moscow Aviation Institute"),
    ("cyrillic", "Алмаз-Антей", "Almaz-Antey Air Defense Concern Main System Design Bureau, JSC"),
    ("arabic_persian", "بانک ملی ایران", "BANK MELLI IRAN"),
    ("arabic_persian", "بانک سپه", "BANK SEPAH"),
    ("arabic_persian", "ماهان ایر", "MAHAN AIR"),
    ("arabic_persian", "حزب الله", "HIZBALLAH"),
    ("arabic_persian", "کشتیرانی جمهوری اسلامی ایران", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"),
    ("arabic_persian", "شرکت ملی نفتکش ایران", "NATIONAL IRANIAN TANKER COMPANY"),
    ("arabic_persian", "صنایع هوایی ایران", "IRAN AIRCRAFT INDUSTRIES"),
    ("arabic_persian", "گروه صنعتی شهید همت", "Shahid Hemmat Industrial Group"),
    ("japanese_korean", "고려항공", "AIR KORYO"),
    ("japanese_korean", "조선광업개발무역회사", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
    (
        "japanese_korean",
        "조선무역은행",
        "FOREIGN TRADE BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
    ),
    (
        "as_written_variant",
        "HiSilicon Technologies Co., Ltd (HiSilicon)",
        "HiSilicon Technologies Co., Ltd (HiSilicon)",
    ),
    (
        "as_written_variant",
        "HiSilicon Technologies Co., Ltd.",
        "HiSilicon Technologies Co., Ltd (HiSilicon)",
    ),
    (
        "as_written_variant",
        "Universal Enterprise Limited",
        "Universal Enterprise Limited [aka General Technology Limited, aka Beijing Luo Luo Tech Development Limited, aka Tiger Force Electronics, aka Foshan Nanhai Winhope Trade Company] (Hong Kong Entity), and its sub-units and successors",
    ),
    (
        "as_written_variant",
        "Tiger Force Electronics",
        "Universal Enterprise Limited [aka General Technology Limited, aka Beijing Luo Luo Tech Development Limited, aka Tiger Force Electronics, aka Foshan Nanhai Winhope Trade Company] (Hong Kong Entity), and its sub-units and successors",
    ),
    (
        "as_written_variant",
        "Huawei (Huawei)",
        "Huawei Technologies Co., Ltd. (Huawei)|Huawei Technology Co. Ltd.|Huawei Technologies Co., Ltd.|HUAWEI TECHNOLOGIES CO., LTD.",
    ),
    ("as_written_variant", "BARRERA BARRERA, Daniel", "BARRERA BARRERA, Daniel"),
    ("as_written_variant", "OO, Tun Tun", "OO, Tun Tun"),
    (
        "as_written_variant",
        "BEIJING LUO LUO TECHNOLOGY DEVELOPMENT CO LTD",
        "BEIJING LUO LUO TECHNOLOGY DEVELOPMENT CO LTD",
    ),
    (
        "as_written_variant",
        "Rosoboronexport OJSC (ROE)",
        "Rosoboronexport OJSC (ROE)|RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT",
    ),
    ("as_written_variant", "BANK MELLI IRAN (BMI)", "BANK MELLI IRAN"),
    (
        "as_written_variant",
        "Hangzhou Hikvision Digital Technology Co., Ltd., No. 555 Qianmo Road, Binjiang District, Hangzhou",
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
    ),
    ("as_written_variant", "attn: procurement - Megvii Technology", "Megvii Technology"),
    (
        "as_written_variant",
        "Beijing Huawei Longshine Information Technology Co., Ltd.",
        "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Beijing Huawei Longshine Information Technology Co., Ltd.",
    ),
    (
        "as_written_variant",
        "NORTHWESTERN POLYTECHNICAL UNIVERSITY",
        "Northwestern Polytechnical University",
    ),
]


def main() -> None:
    rd = load_regdata()
    by_name: dict[str, set[str]] = {}
    meta: dict[str, tuple[str, str, str]] = {}
    for listing in rd.lists.as_of(None):
        e = listing.entry
        for name in e.names:
            by_name.setdefault(name.casefold(), set()).add(e.id)
        meta[e.id] = (e.list, e.type or "", ",".join(e.countries[:1]))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            [
                "kind",
                "query",
                "expected_ids",
                "expected_name",
                "list",
                "type",
                "country",
                "exclude",
                "group",
            ]
        )
        for kind, query, listed_names in ROWS:
            names = listed_names.split("|")
            found = {i for name in names for i in by_name.get(name.casefold(), ())}
            ids = sorted(found)
            if not ids:
                raise SystemExit(f"no entry named {listed_names!r}")
            listed = names[0]
            lst, typ, _ = meta[ids[0]]
            group = (
                "huawei"
                if "huawei" in listed.casefold() or "hisilicon" in listed.casefold()
                else ""
            )
            writer.writerow([kind, query, "|".join(ids), listed, lst, typ, "", "", group])
    print(f"{len(ROWS)} rows -> {OUT}")


if __name__ == "__main__":
    main()
