# ruff: noqa: E501
"""Build the frozen, held-out name-screening evaluation set in tests/data/heldout/screening.

    .venv/bin/python scripts/build_heldout_screening.py

This set is built *independently of the engine*: nothing here imports ``earmark.names`` or
``earmark.screening``, and no rendering is taken from the engine's lexicons. Queries were written
by hand (Chinese, Traditional Chinese, pinyin, Cyrillic, Persian/Arabic, Hangul/Japanese renderings,
exonyms, contractions, typos) or taken from outside sources (company names for the negatives).
The only thing read from the repository is the bundled list data (``earmark.regdata``), to attach
stable entry ids to the positives and to brute-force-check the negatives with rapidfuzz.

Deterministic: the only randomness is the seeded down-sampling of the real-company negatives.
Writes positives.csv, negatives.csv and SOURCES.md (with the sha256 of both CSVs).
Frozen 2026-12-01: do not tune on this set and do not regenerate it to fit the engine.
"""

from __future__ import annotations

import csv
import hashlib
import io
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from earmark.regdata import load_regdata

FROZEN = "2026-12-01"
SEED = 20261201
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout" / "screening"

POS_COLUMNS = [
    "kind",
    "query",
    "expected_ids",
    "expected_name",
    "list",
    "type",
    "country",
    "exclude",
    "group",
    "note",
]
NEG_COLUMNS = ["kind", "query", "type", "country", "note"]

# Legal-form and filler tokens dropped before the brute-force comparison of negatives. This is a
# checker for the *data*, written for this script; it is not the engine's normalisation.
LEGAL = {
    "co",
    "company",
    "companies",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "llc",
    "plc",
    "pjsc",
    "jsc",
    "ojsc",
    "cjsc",
    "oao",
    "ooo",
    "zao",
    "pao",
    "ao",
    "ag",
    "se",
    "sa",
    "nv",
    "bv",
    "ab",
    "asa",
    "oyj",
    "abp",
    "as",
    "spa",
    "srl",
    "gmbh",
    "kgaa",
    "kg",
    "pty",
    "pvt",
    "private",
    "public",
    "the",
    "of",
    "and",
    "group",
    "holdings",
    "holding",
    "ltda",
    "sab",
    "de",
    "cv",
    "tbk",
    "persero",
    "berhad",
    "bhd",
    "kk",
    "kabushiki",
    "kaisha",
    "lp",
    "llp",
    "fze",
    "fzc",
    "fzco",
    "dmcc",
    "sarl",
    "sas",
    "sasu",
    "oy",
    "nyrt",
    "qpsc",
    "sl",
    "sociedad",
    "anonima",
    "anonim",
    "sirketi",
}

# Real-company target size and the share drawn from each source (the rest of a source is unused).
REAL_COMPANY_TARGET = {"own": 999, "f2k": 150, "sp": 125}

# The engine's own development sets: a held-out negative must not also be a dev negative, so
# candidates found there (same text, case-insensitive) are dropped. Only their queries are read.
DEV_SETS = ("tests/data/screening/negatives.csv", "tests/data/screening/real_companies.txt")

SOURCE_NOTE = {
    "sp": "S&P 500 constituents list (GitHub datasets/s-and-p-500-companies, data/constituents.csv @56509dd); legal form added by hand",
    "f2k": "Forbes Global 2000, 2004 edition (HSAUR R dataset, GitHub curran/data Rdatasets/csv/HSAUR/Forbes2000.csv @84e6db2); present-day legal name written by hand",
    "own": "own knowledge",
}

# Negatives dropped after reading their brute-force candidates (query -> reason).
MANUAL_DROP = {
    "Valentina Tereshkova": "is listed (SDN TERESHKOVA, Valentina Vladimirovna)",
    "Dmitri Mendeleev": "same string as a listed vessel (DMITRY MENDELEEV)",
    "Googoosh": "one letter from a listed person's alias (Googoosha)",
    "Global Trading Company Limited": "normalises to the listed GLOBAL TRADING GROUP",
    "Digital Solutions Group Inc.": "normalises to the listed JSC Digital Solutions",
    "Marine Engineering and Trading Co.": "near the listed MAHER TRADING AND ENGINEERING",
    "Sunrise Trading Company": "near the listed SUNRISE X TRADING CO LIMITED",
    "Golden Star General Trading LLC": "near the listed GOLDEN PEN GENERAL TRADING L.L.C",
    "CLP Holdings Limited": "one letter from the listed CLC Holdings Limited",
    "Overseas Trading Enterprises Limited": "near the formerly listed OVERSEAS TRADING COMPANY",
    "Pacific Trading Corporation": "near the listed INTERNATIONAL PACIFIC TRADING, INC.",
    "Allied Technical Services Inc.": "contains the listed name Technical Services",
    "Universal Logistics Services Ltd.": "near the listed Universal Logistics Systems GmbH",
}

# kind <TAB> query <TAB> expected ids <TAB> exclude <TAB> group <TAB> note  (hand-written)
POSITIVES = """
zh_script	华为技术有限公司	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	own knowledge; confident
zh_script	华为投资控股有限公司	CMIC-32087|CMIC-30947		huawei	own knowledge; confident
zh_script	华为终端有限公司	EL-a8505606b8		huawei	own knowledge; confident
zh_script	华为机器有限公司	EL-6961bc311b		huawei	own knowledge; confident
zh_script	华为技术服务有限公司	EL-8164b09010|EL-edd423d870		huawei	own knowledge; confident; EL lists two English renderings
zh_script	北京华为数字技术有限公司	EL-3aba1f244d		huawei	own knowledge; confident
zh_script	华为云计算技术有限公司	EL-64f4bac606		huawei	own knowledge; confident
zh_script	深圳华为安捷信电气有限公司	EL-74c92afbc0		huawei	own knowledge; confident (Agisson)
zh_script	华为技术有限公司西安研究所	EL-1001c173d2		huawei	own knowledge; institute form, fairly confident
zh_script	深圳市海思半导体有限公司	EL-598691c608		huawei	own knowledge; confident (HiSilicon legal name)
zh_script	上海海思技术有限公司	EL-2b779ebf54		huawei	own knowledge; confident
zh_script	深圳市新凯来技术有限公司	EL-fe3321f5e8		huawei	own knowledge; confident (SiCarrier)
zh_script	杭州海康威视数字技术股份有限公司	EL-28e6392023|CMIC-30946			own knowledge; confident
zh_script	浙江大华技术股份有限公司	EL-0ae73c8b7e			own knowledge; confident
zh_script	杭州海康微影传感科技有限公司	EL-6d278cee5f			own knowledge; confident
zh_script	中芯国际集成电路制造有限公司	EL-09066d6226|CMIC-30951			own knowledge; confident
zh_script	中芯国际集成电路制造（北京）有限公司	EL-42ac900bb6			own knowledge; confident
zh_script	中芯国际集成电路制造(深圳)有限公司	EL-46938db42e			own knowledge; confident; ASCII parentheses
zh_script	中芯北方集成电路制造（北京）有限公司	EL-50c4aca421			own knowledge; confident
zh_script	中芯南方集成电路制造有限公司	EL-f6af947dfa			own knowledge; confident
zh_script	中芯国际控股有限公司	EL-1457e1a336			own knowledge; confident
zh_script	长江存储科技有限责任公司	EL-34b14d3a83			own knowledge; confident
zh_script	科大讯飞股份有限公司	EL-5a40bc667e			own knowledge; confident
zh_script	北京旷视科技有限公司	EL-949efd1ad1|CMIC-33091			own knowledge; confident
zh_script	北京市商汤科技开发有限公司	EL-4e60f8e67f			own knowledge; confident
zh_script	商汤集团有限公司	CMIC-33114			own knowledge; confident
zh_script	曙光信息产业股份有限公司	EL-401a4469be|CMIC-33113			own knowledge; confident
zh_script	天津飞腾信息技术有限公司	EL-04e635b060			own knowledge; confident
zh_script	浪潮集团有限公司	EL-8ac34c1a21|CMIC-30949			own knowledge; confident
zh_script	浪潮电子信息产业股份有限公司	EL-7cdfd9d24a			own knowledge; confident
zh_script	浪潮软件股份有限公司	EL-6febc6abc5			own knowledge; confident
zh_script	深圳市大疆创新科技有限公司	EL-03a661edc1|CMIC-33111			own knowledge; confident
zh_script	深圳大疆创新科技有限公司	EL-03a661edc1|CMIC-33111			own knowledge; city prefix without 市
zh_script	中国电子科技集团公司第十四研究所	EL-2a387cf348			own knowledge; confident
zh_script	中国电子科技集团公司第三十八研究所	EL-7e7a6824d9			own knowledge; confident
zh_script	中国电子科技集团公司第五十五研究所	EL-d9c8548f16			own knowledge; confident
zh_script	中国电子科技集团公司第二十八研究所	EL-950166081f			own knowledge; confident
zh_script	中国电子科技集团有限公司	CMIC-30936			own knowledge; confident
zh_script	中国人民解放军国防科技大学	EL-49ea2b9d61			own knowledge; confident
zh_script	北京航空航天大学	EL-1557df02ce			own knowledge; confident
zh_script	哈尔滨工业大学	EL-66dae938da			own knowledge; confident
zh_script	哈尔滨工程大学	EL-1af5ec968d			own knowledge; confident
zh_script	西北工业大学	EL-f90d374347			own knowledge; confident
zh_script	南京航空航天大学	EL-c8bb5fe429			own knowledge; confident
zh_script	南京理工大学	EL-c3f165e874			own knowledge; confident
zh_script	四川大学	EL-0042c0f118			own knowledge; confident
zh_script	电子科技大学	EL-9ceefa6926			own knowledge; confident
zh_script	中国科学技术大学	EL-ac2248dffd			own knowledge; confident
zh_script	中国航天科技集团有限公司	EL-5f48b6c069|CMIC-30929			own knowledge; confident
zh_script	中国航天科工集团有限公司	CMIC-30928			own knowledge; confident
zh_script	中国航天科工集团第二研究院	EL-e177fdbdaf			own knowledge; confident
zh_script	中国运载火箭技术研究院	CMIC-30927			own knowledge; confident
zh_script	中国工程物理研究院	EL-496e2e5518			own knowledge; confident
zh_script	中国空气动力研究与发展中心	EL-81fa3302d5			own knowledge; confident
zh_script	中国科学院计算技术研究所	EL-4bbd410466			own knowledge; confident
zh_script	中国科学院微电子研究所	EL-d8d0331ac9			own knowledge; confident
zh_script	中国科学院长春光学精密机械与物理研究所	EL-d2ede981cc			own knowledge; confident
zh_script	中国科学院国家授时中心	EL-31abf99cab			own knowledge; confident
zh_script	上海微电子装备（集团）股份有限公司	EL-8c7998e8c9			own knowledge; confident
zh_script	北方华创科技集团股份有限公司	EL-106b300535			own knowledge; confident
zh_script	海光信息技术股份有限公司	EL-b1b279e226			own knowledge; confident
zh_script	中科寒武纪科技股份有限公司	EL-6bd7cd5f76|EL-6bd7cd5f76-2			own knowledge; confident
zh_script	上海复旦微电子集团股份有限公司	EL-1ab4f2f714			own knowledge; confident
zh_script	福建晋华集成电路有限公司	EL-b5bd4044a4			own knowledge; province prefix without 省
zh_script	厦门市美亚柏科信息股份有限公司	EL-05907c9315|CMIC-33896			own knowledge; confident
zh_script	海能达通信股份有限公司	EL-e1207cd348			own knowledge; confident
zh_script	同方威视技术股份有限公司	EL-34816c07af			own knowledge; confident
zh_script	苏州科达科技股份有限公司	EL-ecfc52dd7d|EL-ecfc52dd7d-2			own knowledge; confident
zh_script	浙江宇视科技有限公司	EL-00be5d0b6c			own knowledge; confident
zh_script	北京智谱华章科技有限公司	EL-45dd5f46c0			own knowledge; confident
zh_script	中国广核集团有限公司	EL-e289252ac6|EL-d773befd51|CMIC-30937			own knowledge; confident
zh_script	中国交通建设股份有限公司	EL-fda69f47a7|CMIC-30930			own knowledge; confident
zh_script	新疆生产建设兵团	EL-8e6c69636c			own knowledge; confident
zh_script	中国电信股份有限公司	CMIC-30882			own knowledge; confident
zh_script	中国航空工业集团有限公司	CMIC-30925			own knowledge; confident
zh_script	北京智源人工智能研究院	EL-b17fd99e6b			own knowledge; confident
zh_script	深圳市道通智能航空技术股份有限公司	EL-8cb12c1701			own knowledge; confident (Autel Robotics)
zh_script	北京华大九天科技股份有限公司	EL-93907144fc			own knowledge; confident (Empyrean)
zh_script	拓荆科技股份有限公司	EL-711438d714			own knowledge; confident (Piotech)
zh_script	鹏城实验室	EL-11b4839015			own knowledge; confident
zh_script	乌鲁木齐市公安局	EL-a91b1d8a49			own knowledge; confident
zh_traditional	華為技術有限公司	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	own conversion; confident
zh_traditional	深圳市海思半導體有限公司	EL-598691c608		huawei	own conversion; confident
zh_traditional	華為雲計算技術有限公司	EL-64f4bac606		huawei	own conversion; confident
zh_traditional	華為終端（香港）有限公司	EL-dd2435e173		huawei	own conversion; HK style, fairly confident
zh_traditional	杭州海康威視數字技術股份有限公司	EL-28e6392023|CMIC-30946			own conversion; confident
zh_traditional	浙江大華技術股份有限公司	EL-0ae73c8b7e			own conversion; confident
zh_traditional	中芯國際集成電路製造有限公司	EL-09066d6226|CMIC-30951			own conversion; confident
zh_traditional	中芯國際控股有限公司	EL-1457e1a336			own conversion; confident
zh_traditional	長江存儲科技有限責任公司	EL-34b14d3a83			own conversion; confident
zh_traditional	科大訊飛股份有限公司	EL-5a40bc667e			own conversion; confident
zh_traditional	北京曠視科技有限公司	EL-949efd1ad1|CMIC-33091			own conversion; confident
zh_traditional	商湯集團有限公司	CMIC-33114			own conversion; confident
zh_traditional	曙光信息產業股份有限公司	EL-401a4469be|CMIC-33113			own conversion; confident
zh_traditional	浪潮集團有限公司	EL-8ac34c1a21|CMIC-30949			own conversion; confident
zh_traditional	深圳市大疆創新科技有限公司	EL-03a661edc1|CMIC-33111			own conversion; confident
zh_traditional	中國電子科技集團有限公司	CMIC-30936			own conversion; confident
zh_traditional	國防科技大學	EL-49ea2b9d61			own conversion; confident
zh_traditional	北京航空航天大學	EL-1557df02ce			own conversion; confident
zh_traditional	哈爾濱工業大學	EL-66dae938da			own conversion; confident
zh_traditional	西北工業大學	EL-f90d374347			own conversion; confident
zh_traditional	中國航天科技集團有限公司	EL-5f48b6c069|CMIC-30929			own conversion; confident
zh_traditional	中國工程物理研究院	EL-496e2e5518			own conversion; confident
zh_traditional	中國科學院計算技術研究所	EL-4bbd410466			own conversion; confident
zh_traditional	上海復旦微電子集團股份有限公司	EL-1ab4f2f714			own conversion; confident
zh_traditional	中國廣核集團有限公司	EL-e289252ac6|EL-d773befd51|CMIC-30937			own conversion; confident
zh_traditional	中國移動通信集團有限公司	CMIC-30944			own conversion; confident
zh_traditional	海能達通信股份有限公司	EL-e1207cd348			own conversion; confident
pinyin	Huawei Jishu Youxian Gongsi	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	hand pinyin of 华为技术有限公司
pinyin	Huáwéi Jìshù Yǒuxiàn Gōngsī	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	hand pinyin with tone marks
pinyin	Hua Wei Ji Shu You Xian Gong Si	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	hand pinyin, one syllable per word
pinyin	Huawei Zhongduan (Dongguan) Co., Ltd.	EL-6724739ab6		huawei	hand pinyin + English legal form
pinyin	Shenzhenshi Haisi Bandaoti Youxian Gongsi	EL-598691c608		huawei	hand pinyin of 深圳市海思半导体有限公司
pinyin	Shenzhen Xinkailai Jishu Youxian Gongsi	EL-fe3321f5e8		huawei	hand pinyin of 深圳市新凯来技术有限公司
pinyin	Hangzhou Haikang Weishi Shuzi Jishu Gufen Youxian Gongsi	EL-28e6392023|CMIC-30946			hand pinyin (example in brief)
pinyin	Hangzhou Haikangweishi Digital Technology Co., Ltd.	EL-28e6392023|CMIC-30946			hand pinyin brand + English rest
pinyin	Zhejiang Dahua Jishu Gufen Youxian Gongsi	EL-0ae73c8b7e			hand pinyin of 浙江大华技术股份有限公司
pinyin	Zhongxin Guoji Jicheng Dianlu Zhizao Youxian Gongsi	EL-09066d6226|CMIC-30951			hand pinyin of 中芯国际集成电路制造有限公司
pinyin	Zhongxin Guoji Jicheng Dianlu Zhizao (Beijing) Youxian Gongsi	EL-42ac900bb6			hand pinyin
pinyin	Changjiang Cunchu Keji Youxian Zeren Gongsi	EL-34b14d3a83			hand pinyin of 长江存储科技有限责任公司
pinyin	Keda Xunfei Gufen Youxian Gongsi	EL-5a40bc667e			hand pinyin of 科大讯飞股份有限公司
pinyin	Kēdà Xùnfēi Co., Ltd.	EL-5a40bc667e			tone marks + English legal form
pinyin	Beijing Kuangshi Keji Youxian Gongsi	EL-949efd1ad1|CMIC-33091			hand pinyin of 北京旷视科技有限公司
pinyin	Beijingshi Shangtang Keji Kaifa Youxian Gongsi	EL-4e60f8e67f			hand pinyin of 北京市商汤科技开发有限公司
pinyin	Shuguang Xinxi Chanye Gufen Youxian Gongsi	EL-401a4469be|CMIC-33113			hand pinyin of 曙光信息产业股份有限公司
pinyin	Tianjin Feiteng Xinxi Jishu Youxian Gongsi	EL-04e635b060			hand pinyin of 天津飞腾信息技术有限公司
pinyin	Langchao Jituan Youxian Gongsi	EL-8ac34c1a21|CMIC-30949			hand pinyin of 浪潮集团有限公司
pinyin	Langchao Dianzi Xinxi Chanye Gufen Youxian Gongsi	EL-7cdfd9d24a			hand pinyin of 浪潮电子信息产业股份有限公司
pinyin	Shenzhenshi Dajiang Chuangxin Keji Youxian Gongsi	EL-03a661edc1|CMIC-33111			hand pinyin (example in brief)
pinyin	Shēnzhèn Dàjiāng Chuàngxīn Kējì Yǒuxiàn Gōngsī	EL-03a661edc1|CMIC-33111			tone marks
pinyin	Zhongguo Dianzi Keji Jituan Gongsi Di Shisi Yanjiusuo	EL-2a387cf348			hand pinyin of 中国电子科技集团公司第十四研究所
pinyin	Zhongguo Dianzi Keji Jituan Youxian Gongsi	CMIC-30936			hand pinyin of 中国电子科技集团有限公司
pinyin	Zhongguo Renmin Jiefangjun Guofang Keji Daxue	EL-49ea2b9d61			hand pinyin of 中国人民解放军国防科技大学
pinyin	Beijing Hangkong Hangtian Daxue	EL-1557df02ce			hand pinyin of 北京航空航天大学
pinyin	Haerbin Gongye Daxue	EL-66dae938da			hand pinyin of 哈尔滨工业大学 (apostrophe dropped)
pinyin	Xīběi Gōngyè Dàxué	EL-f90d374347			tone marks; 西北工业大学
pinyin	Zhongguo Hangtian Keji Jituan Youxian Gongsi	EL-5f48b6c069|CMIC-30929			hand pinyin of 中国航天科技集团有限公司
pinyin	Zhongguo Hangtian Kegong Jituan Youxian Gongsi	CMIC-30928			hand pinyin of 中国航天科工集团有限公司
pinyin	Zhongguo Gongcheng Wuli Yanjiuyuan	EL-496e2e5518			hand pinyin of 中国工程物理研究院
pinyin	Zhongguo Kexueyuan Jisuan Jishu Yanjiusuo	EL-4bbd410466			hand pinyin of 中国科学院计算技术研究所
pinyin	Shanghai Weidianzi Zhuangbei (Jituan) Gufen Youxian Gongsi	EL-8c7998e8c9			hand pinyin of 上海微电子装备（集团）股份有限公司
pinyin	Beifang Huachuang Keji Jituan Gufen Youxian Gongsi	EL-106b300535			hand pinyin of 北方华创科技集团股份有限公司
pinyin	Hǎiguāng Xìnxī Jìshù Gǔfèn Yǒuxiàn Gōngsī	EL-b1b279e226			tone marks; 海光信息技术股份有限公司
pinyin	Longxin Zhongke Jishu Gufen Youxian Gongsi	EL-c1297914c7			hand pinyin of 龙芯中科技术股份有限公司
pinyin	Zhongke Hanwuji Keji Gufen Youxian Gongsi	EL-6bd7cd5f76|EL-6bd7cd5f76-2			hand pinyin of 中科寒武纪科技股份有限公司
pinyin	Shanghai Fudan Weidianzi Jituan Gufen Youxian Gongsi	EL-1ab4f2f714			hand pinyin of 上海复旦微电子集团股份有限公司
pinyin	Fujian Sheng Jinhua Jicheng Dianlu Youxian Gongsi	EL-b5bd4044a4			hand pinyin of 福建省晋华集成电路有限公司
pinyin	Yuncong Keji Jituan Gufen Youxian Gongsi	EL-b825834b0e|CMIC-33112			hand pinyin of 云从科技集团股份有限公司
pinyin	Xiamen Meiya Baike Xinxi Gufen Youxian Gongsi	EL-05907c9315|CMIC-33896			hand pinyin of 厦门市美亚柏科信息股份有限公司
pinyin	Hainengda Tongxin Gufen Youxian Gongsi	EL-e1207cd348			hand pinyin of 海能达通信股份有限公司
pinyin	Fenghuo Keji Jituan Youxian Gongsi	EL-724292c2bb			hand pinyin of 烽火科技集团有限公司
pinyin	Tongfang Weishi Jishu Gufen Youxian Gongsi	EL-34816c07af			hand pinyin of 同方威视技术股份有限公司
pinyin	Suzhou Keda Keji Gufen Youxian Gongsi	EL-ecfc52dd7d|EL-ecfc52dd7d-2			hand pinyin of 苏州科达科技股份有限公司
pinyin	Zhejiang Yushi Keji Youxian Gongsi	EL-00be5d0b6c			hand pinyin of 浙江宇视科技有限公司
pinyin	Beijing Geling Shentong Xinxi Jishu Gufen Youxian Gongsi	EL-f4d656ec95			hand pinyin of 北京格灵深瞳信息技术股份有限公司
pinyin	Moer Xiancheng Zhineng Keji (Beijing) Youxian Zeren Gongsi	EL-6ab645423c			hand pinyin of 摩尔线程智能科技（北京）有限责任公司
pinyin	Shanghai Biren Zhineng Keji Youxian Gongsi	EL-eccff4fe67			hand pinyin of 上海壁仞智能科技有限公司
pinyin	Beijing Zhipu Huazhang Keji Youxian Gongsi	EL-45dd5f46c0			hand pinyin of 北京智谱华章科技有限公司
pinyin	Wentai Keji Gufen Youxian Gongsi	EL-c4b15827ca			hand pinyin of 闻泰科技股份有限公司
pinyin	Zhongguo Guanghe Jituan Youxian Gongsi	EL-e289252ac6|EL-d773befd51|CMIC-30937			hand pinyin of 中国广核集团有限公司
pinyin	Zhongguo Haiyang Shiyou Jituan Youxian Gongsi	CMIC-30956			hand pinyin of 中国海洋石油集团有限公司
pinyin	Xinjiang Shengchan Jianshe Bingtuan	EL-8e6c69636c			hand pinyin of 新疆生产建设兵团
pinyin	Zhongguo Yidong Tongxin Jituan Youxian Gongsi	CMIC-30944			hand pinyin of 中国移动通信集团有限公司
pinyin	Zhongguo Hangkong Gongye Jituan Co., Ltd.	CMIC-30925			hand pinyin + English legal form
pinyin	Zhongguo Chuanbo Jituan Youxian Gongsi	CMIC-30938			hand pinyin of 中国船舶集团有限公司
pinyin	Zhongguo Bingqi Gongye Jituan Youxian Gongsi	CMIC-30957			hand pinyin of 中国兵器工业集团有限公司
pinyin	Zhongguo He Gongye Jituan Youxian Gongsi	CMIC-30954			hand pinyin of 中国核工业集团有限公司
pinyin	Beijing Zhiyuan Rengong Zhineng Yanjiuyuan	EL-b17fd99e6b			hand pinyin of 北京智源人工智能研究院
pinyin	Shenzhen Daotong Zhineng Hangkong Jishu Gufen Youxian Gongsi	EL-8cb12c1701			hand pinyin of 深圳市道通智能航空技术股份有限公司
pinyin	Zhongguo Kongqi Dongli Yanjiu yu Fazhan Zhongxin	EL-81fa3302d5			hand pinyin of 中国空气动力研究与发展中心
pinyin	Xi'an Weidianzi Jishu Yanjiusuo	EL-5a208cfcd9			hand pinyin of 西安微电子技术研究所
pinyin	Pengcheng Shiyanshi	EL-11b4839015			hand pinyin of 鹏城实验室
exonym	Huawei OpenLab München	EL-692e9b2686|EL-692e9b2686-2		huawei	Munich -> German München
exonym	Huawei OpenLab Moskau	EL-a1452767a7		huawei	Moscow -> German Moskau
exonym	Huawei Technologies Maroc	EL-ea3f27c9f6		huawei	Morocco -> French Maroc
exonym	Huawei Technologies (Viet Nam) Company Limited	EL-7f678440b0		huawei	Vietnam -> Viet Nam (official form)
exonym	Huawei Technologies Schweiz AG	EL-7a9ddf5999		huawei	Switzerland -> German Schweiz
exonym	VTB Bank (Österreich) AG	SSI-18727			Austria -> German Österreich
exonym	Gazprombank (Suisse) SA	SDN-20312|SSI-20312			Switzerland -> French Suisse
exonym	Aman Dimashq Joint Stock Company	SDN-26894			Damascus -> Arabic Dimashq
exonym	Teheran Cement Company	SDN-30380			Tehran -> German/older English Teheran
exonym	Téhéran International Transport Co	SDN-30384			Tehran -> French Téhéran
exonym	MSP Kala Naft Co. Teheran	SDN-12032			Tehran -> Teheran
exonym	Great Teheran Penitentiary	SDN-28958			Tehran -> Teheran
exonym	Zarrin Teheran Investment Company	SDN-54259			Tehran -> Teheran
exonym	Parto System Teheran	EL-8e6706b495			Tehran -> Teheran
exonym	Bank Saderat Irán	SDN-10368			Iran -> Spanish Irán
exonym	Salvation Committee of Ukraina	SDN-20284|EL-c8edea2024			Ukraine -> Ukraina
exonym	Ukrayina Mediterranean Airlines	EL-6c3f640912|EL-6c3f640912-2			Ukraine -> Ukrainian Ukrayina
exonym	State Enterprise Sebastopol Sea Trading Port	EL-610e2493f3|SDN-18322			Sevastopol -> Sebastopol (English/French exonym)
exonym	Sebastopol Naval Plant of Zvezdochka Shipyard	EL-d5733ecb6c			Sevastopol -> Sebastopol
exonym	Mensk Wheeled Tractor Plant	EL-aba7bd2af0|SDN-34769|ISN-549951e40d			Minsk -> Belarusian Mensk
exonym	Investigative Committee of the Republic of Byelorussia	SDN-32714			Belarus -> older Byelorussia
exonym	State Authority for Military Industry of the Republic of Weißrussland	SDN-34778|EL-eaee43c7f1			Belarus -> German Weißrussland
exonym	VTB Bank Sakartvelo	SDN-18726|SSI-18726			Georgia -> Georgian Sakartvelo
exonym	VTB Bank Hayastan CJSC	SDN-18722|SSI-18722			Armenia -> Armenian Hayastan
exonym	Bank VTB Qazaqstan Joint Stock Company	SDN-18723|SSI-18723			Kazakhstan -> Kazakh Latin Qazaqstan
exonym	Gazprom Neft Qazaqstan LLC	SDN-52137			Kazakhstan -> Qazaqstan
exonym	PJSC VTB Bank (Kyiv)	SSI-18720			Kiev -> Kyiv
exonym	Limited Liability Company Kiev Square	SDN-46698			Kyiv -> Kiev (reverse)
exonym	Sankt-Peterburg Naval Design Bureau Almaz	EL-4b02de8b21|SDN-36060			St. Petersburg -> Russian Sankt-Peterburg
exonym	Sankt-Peterburg Marine Bureau of Machine Building Malakhit	EL-2c9ee0da89|SDN-36046			St. Petersburg -> Sankt-Peterburg
exonym	Bank Sankt-Peterburg PJSC	SDN-40924			Saint-Petersburg -> Sankt-Peterburg
exonym	Saint-Pétersbourg Shipbuilding Institution Krylov 45	EL-f46a52930c|SDN-37664			St. Petersburg -> French Saint-Pétersbourg
exonym	Moskva Aviation Institute	EL-618242d7ad|SDN-50728			Moscow -> Russian Moskva
exonym	Moskva Communications Research Institute JSC	EL-783af8b7f3			Moscow -> Moskva
exonym	Limited Liability Company Moskau Arms Company	EL-f0decf1440|SDN-47479			Moscow -> German Moskau
exonym	Qazan Helicopter Plant PJSC	EL-5e1e895481|EL-030ca6e614|SDN-35877			Kazan -> Tatar Qazan
exonym	Nijni Novgorod Plant of the 70th Anniversary of Victory	EL-d8b99e4fad|SDN-46783			Nizhny Novgorod -> French Nijni Novgorod
exonym	Gazprom Transgaz Nischni Nowgorod	EL-90de01c0ec|SSI-19649			Nizhny Novgorod -> German Nischni Nowgorod
exonym	Fly Bagdad Airlines Company	SDN-39236			Baghdad -> Bagdad (French/German/Spanish)
exonym	Beyrouth Trade SAL	SDN-28173			Beirut -> French Beyrouth
exonym	Beyrouth Diam SAL	SDN-28164			Beirut -> French Beyrouth
exonym	Phyongyang University of Automation	SDN-43336			Pyongyang -> DPRK romanization Phyongyang
exonym	Islamic State of Iraq and Syria - Moçambique	SDN-31372			Mozambique -> Portuguese Moçambique
exonym	ISIS-Misr	SDN-23850			Egypt -> Arabic Misr
exonym	ISIS-Pilipinas	SDN-23844			Philippines -> Filipino Pilipinas
exonym	IPP Oil Products (Kypros) Limited	EL-880835d93a|SDN-18309			Cyprus -> Greek Kypros
exonym	Union Trade Türkiye Makina Ithalat Ve Ihracat Limited Sirketi	EL-d0917d4089			Turkey -> Türkiye
exonym	Globus Türkiye Lojistik Dis Ticaret Limited Sirketi	SDN-46632			Turkey -> Türkiye
exonym	Erevan Telecommunications Research Institute (YETRI) CJSC	EL-52a2311e36			Yerevan -> Erevan (French/Russian-based)
exonym	Viet Nam-Russia Joint Venture Bank	SDN-34538			Vietnam -> Viet Nam
exonym	Peking Naura Microelectronics Equipment Co., Ltd.	EL-464ef39646			Beijing -> Peking
exonym	Pekin Zhipu Huazhang Technology Co., Ltd.	EL-45dd5f46c0			Beijing -> Pekin (Spanish/Polish/Turkish)
exonym	Peking Aeronautical Manufacturing Technology Research Institute	EL-6da3010f37			Beijing -> Peking
exonym	Nanking University of Aeronautics and Astronautics	EL-c8bb5fe429			Nanjing -> Nanking
exonym	Nanking University of Science and Technology	EL-c3f165e874			Nanjing -> Nanking
exonym	Amoy Meiya Pico Information Co. Ltd.	EL-05907c9315|CMIC-33896			Xiamen -> Amoy
exonym	Tientsin Phytium Information Technology	EL-04e635b060			Tianjin -> Tientsin
exonym	Tientsin University	EL-9b2392b756			Tianjin -> Tientsin
exonym	Chungking Southwest Integrated Circuit Design Co., Ltd.	EL-ae39f75a2b			Chongqing -> Chungking
exonym	Soochow Keda Technology Co., Ltd.	EL-ecfc52dd7d|EL-ecfc52dd7d-2			Suzhou -> Soochow
exonym	Canton Haige Communication Group Co., Ltd.	EL-d7ab24e108			Guangzhou -> Canton
country_code	Blue Airways FZE United Arab Emirates	DPL-c75d33f030|DPL-cff240fc4e|DPL-7d9ef9f208|DPL-92dab35ca0-2|DPL-92dab35ca0-3			UAE -> United Arab Emirates (example in brief)
country_code	Enerquip Ltd. (United Arab Emirates)	EL-9a0ca855b8			UAE -> United Arab Emirates
country_code	ABO (United States) Inc.	DPL-23a18459d7			USA -> United States
country_code	EHI Group United States of America, Inc	DPL-59b07c5b19			USA -> United States of America
country_code	Delfin Group US LLC	DPL-8d205fba88			USA -> US
country_code	Cosmotrans U.S.A., Inc.	DPL-909e44cc50			USA -> U.S.A.
country_code	Belneftekhim America, Inc.	SDN-10575			USA -> America
country_code	Magus Holdings United States, Corp.	SDN-26205			USA -> United States
country_code	Aero Continente (United States) Inc.	SDN-8254			USA -> United States
country_code	People's Republic of China Lode Technology Company	EL-7473e15715			PRC -> People's Republic of China
country_code	Ministry of Finance of the RF	NS-MBS-31694			Russian Federation -> RF
country_code	Central Bank of the RF	NS-MBS-31695			Russian Federation -> RF
country_code	National Wealth Fund of RF	NS-MBS-31693			Russian Federation -> RF
country_code	Government of the RF	ISN-2167274261|ISN-2167274261-2			Russian Federation -> RF
country_code	State Duma of the Federal Assembly of the RF	SDN-35845			Russian Federation -> RF
country_code	Central Election Commission of the RF	SDN-37176			Russian Federation -> RF
country_code	Federation Council of the Federal Assembly of the RF	SDN-37810			Russian Federation -> RF
country_code	Foreign Trade Bank of the DPRK	SDN-15603			Democratic People's Republic of Korea -> DPRK
country_code	Central Bank of the DPRK	SDN-23015			Democratic People's Republic of Korea -> DPRK
country_code	Maritime Administration of the DPRK	SDN-23173			Democratic People's Republic of Korea -> DPRK
country_code	Ministry of Land and Maritime Transportation of DPRK	SDN-23174			Democratic People's Republic of Korea -> DPRK
country_code	Government of the DPRK	ISN-9448676400			North Korea -> DPRK
country_code	Huawei Technologies (United Kingdom) Co., Ltd.	EL-74c54a5116		huawei	UK -> United Kingdom
country_code	Bimeh Iran Insurance Company (United Kingdom) Limited	SDN-11632			U.K. -> United Kingdom
country_code	Iranian Oil Company (GB) Limited	SDN-11638			U.K. -> GB
country_code	Petrochemical Commercial Company (United Kingdom) Limited	SDN-11626			U.K. -> United Kingdom
country_code	ISIL-KSA	SDN-19889			Saudi Arabia -> KSA
country_code	Huawei Device (HK) Co., Limited	EL-dd2435e173		huawei	Hong Kong -> HK
country_code	Huawei Technologies (NZ) Company Limited	EL-d8c81841cc		huawei	New Zealand -> NZ
country_code	Arrow Electronics (HK) Co., Ltd.	EL-d79cd4fa56			Hong Kong -> HK
country_code	Cloudminds (HK) Limited	EL-5fbfb4fc1a			Hong Kong -> HK
country_code	Taihe Electric (HK) Ltd	EL-8b5830edd7			Hong Kong -> HK
country_code	Well Smart (Hong Kong) Technology	EL-2df842b69e			HK -> Hong Kong
country_code	Korchina Logistics (Hong Kong) Ltd.	EL-3d8c6cc2fc			HK -> Hong Kong
country_code	FOC (Hong Kong) Technology Co., Ltd.	EL-92f7ad4f72			HK -> Hong Kong
contraction	Semiconductor Mfg. International (Beijing) Corp.	EL-42ac900bb6			Manufacturing -> Mfg., Corporation -> Corp.
contraction	China Electr. Tech. Grp. Corp. 14th Research Inst.	EL-2a387cf348			Electronics/Technology/Group/Corporation/Institute contracted
contraction	Huawei Technologies Svcs Co., Ltd.	EL-8164b09010|EL-edd423d870		huawei	Service -> Svcs
contraction	Huawei Intl. Co., Ltd.	EL-0510a8678c		huawei	International -> Intl., Limited -> Ltd.
contraction	Huawei Investment & Hldgs Co. Ltd.	CMIC-32087|CMIC-30947		huawei	Holding -> Hldgs
contraction	Harbin Inst. of Tech.	EL-66dae938da			Institute/Technology contracted
contraction	Beijing Univ. of Aeronautics & Astronautics	EL-1557df02ce			University -> Univ.
contraction	Natl. Univ. of Defense Technology	EL-49ea2b9d61			National/University contracted
contraction	Nanjing Univ. of Sci. & Tech.	EL-c3f165e874			University/Science/Technology contracted
contraction	Univ. of Electronic Sci. & Tech. of China	EL-9ceefa6926			University/Science/Technology contracted
contraction	Northwestern Polytechnical Univ.	EL-f90d374347			University -> Univ.
contraction	Beijing Univ. of Posts & Telecom.	EL-0c72156dd3			University/Telecommunications contracted
contraction	Harbin Engg. Univ.	EL-1af5ec968d			Engineering -> Engg. (Indian usage), University -> Univ.
contraction	Air Force Eng. Univ.	EL-07f543bd80			Engineering -> Eng., University -> Univ.
contraction	Chinese Acad. of Engg. Physics	EL-496e2e5518			Academy/Engineering contracted
contraction	Iran Aircraft Mfg. Industrial Co.	SDN-11195			Manufacturing -> Mfg., Company -> Co.
contraction	Iran Electronics Inds.	SDN-11184			Industries -> Inds.
contraction	Iran Communication Inds.	SDN-11181			Industries -> Inds.
contraction	Iran Marine Ind. Co. (SADRA)	SDN-13115			Industrial -> Ind., Company -> Co.
contraction	China Aerospace Sci. & Ind. Corp. Ltd.	CMIC-30928			Science/Industry/Corporation contracted
contraction	China Aerospace Sci. & Tech. Corp.	EL-5f48b6c069|CMIC-30929			Science/Technology/Corporation contracted
contraction	China North Inds. Grp. Corp. Ltd.	CMIC-30957			Industries/Group/Corporation contracted
contraction	China State Shipbldg. Corp. Ltd.	CMIC-30938			Shipbuilding -> Shipbldg., Corporation -> Corp.
contraction	China Natl. Nuclear Corp.	CMIC-30954			National -> Natl.
contraction	Inspur Elec. Info. Ind. Co., Ltd.	EL-7cdfd9d24a			Electronic/Information/Industry contracted
contraction	Hangzhou Hikvision Digital Tech. Co., Ltd.	EL-28e6392023|CMIC-30946			Technology -> Tech.
contraction	Shanghai Micro Electronics Equip. (Grp) Co., Ltd.	EL-8c7998e8c9			Equipment/Group contracted
contraction	Naura Tech. Grp. Co. Ltd.	EL-106b300535			Technology/Group contracted
contraction	Beijing Zhongdun Security Tech. Grp. Co.	EL-9f130eefe3			Technology/Group contracted
contraction	Tactical Missiles Corp. JSC	EL-de3007d71b|SDN-34876			Corporation -> Corp.
contraction	Moscow Inst. of Physics & Tech.	EL-972a2c3490			Institute/Technology contracted
contraction	Islamic Rep. of Iran Shipping Lines	SDN-25396|DPL-48892c1fe6			Republic -> Rep.
contraction	Iran Petrochem. Commercial Co.	SDN-11619			Petrochemical -> Petrochem., Company -> Co.
contraction	Industrial Dev. & Renovation Org. of Iran	SDN-11643			Development/Organization contracted
contraction	Iranian Mines & Mining Inds. Dev. & Renovation Org.	SDN-11607			Industries/Development/Organization contracted
contraction	Syrian Co. for Info. Tech.	SDN-22255			Company/Information/Technology contracted
contraction	Korea Natl. Insurance Corp.	SDN-20573			National/Corporation contracted
contraction	Korea Gen. Corp. for External Constr.	SDN-19611			General/Corporation/Construction contracted
contraction	Korea Daesong Gen. Trdg. Corp.	SDN-12313			General/Trading/Corporation contracted
contraction	Beijing Machinery Ind. Automation Research Inst. Co., Ltd.	EL-4cebf46c1d			Industry/Institute contracted
contraction	Hefei Natl. Lab. for Physical Sciences at Microscale	EL-5b10efa74e			National/Laboratory contracted
contraction	Inner Mongolia First Machinery Grp. Co.	EL-32cdb0f368|CMIC-32078			Group -> Grp.
contraction	Wuhan Raycus Fiber Laser Techs. Co.	EL-9e0cdbf1ce			Technologies -> Techs.
contraction	Asialink Shanghai International Logistics Co., Ltd.	EL-8c61510565|SDN-49542			Int'l -> International (expansion)
contraction	Cinty International (HK) Industry Co., Limited	EL-ae97656f39			Int'l -> International (expansion)
contraction	Mfg. Support & Procurement Co. Kala Naft	SDN-12032			Manufacturing -> Mfg. in listed alias
cyrillic	Акционерное общество «Рособоронэкспорт»	EL-b076e390ac|SDN-18782|SSI-18782			own knowledge; Russian legal name
cyrillic	Рособоронэкспорт	EL-b076e390ac|SDN-18782|SSI-18782			own knowledge; bare Russian name
cyrillic	Государственная корпорация «Ростех»	EL-15626c66df|SDN-17260|SSI-17260			own knowledge
cyrillic	ПАО Сбербанк	SDN-17018|SSI-17018			own knowledge
cyrillic	Сбербанк России	SDN-17018|SSI-17018			own knowledge
cyrillic	Банк ВТБ (ПАО)	SDN-17013|SSI-17013			own knowledge
cyrillic	«Газпромбанк» (Акционерное общество)	SDN-17016|SSI-17016			own knowledge
cyrillic	АО «Концерн ВКО «Алмаз – Антей»	EL-ca86bd5807|SDN-16865			own knowledge
cyrillic	АО «Концерн «Калашников»	EL-70964ca2a2|SDN-16911			own knowledge
cyrillic	АО «Научно-производственная корпорация «Уралвагонзавод» имени Ф. Э. Дзержинского	EL-37f5ddefab|SDN-16885			own knowledge
cyrillic	АО «Корпорация «Тактическое ракетное вооружение»	EL-de3007d71b|SDN-34876			own knowledge
cyrillic	ПАО «Объединённая авиастроительная корпорация»	EL-66ea3874a7|EL-969297d226|SDN-36431			own knowledge
cyrillic	ПАО «НК «Роснефть»	EL-e4ecd9a0d6|SDN-17022|SSI-17022			own knowledge
cyrillic	АК «АЛРОСА» (ПАО)	SDN-34644			own knowledge
cyrillic	ПАО «Совкомфлот»	SDN-34741			own knowledge
cyrillic	ЧВК «Вагнер»	EL-c27f099682|SDN-22543|ISN-dd3a156bf7			own knowledge
cyrillic	ООО «Агентство интернет-исследований»	SDN-23943			own knowledge
cyrillic	ПАО «Микрон»	EL-c6e770f905|SDN-35936			own knowledge
cyrillic	ПАО «Аэрофлот»	DPL-6675b46dc0			own knowledge
cyrillic	ПАО «Ростелеком»	NS-MBS-34556			own knowledge
cyrillic	ПАО «Газпром»	NS-MBS-17250|SSI-17250|EL-2fffbd8695			own knowledge
cyrillic	ПАО «Транснефть»	NS-MBS-17254|SSI-17254			own knowledge
cyrillic	ОАО «Российские железные дороги»	NS-MBS-34736			own knowledge
cyrillic	Центральный банк Российской Федерации	NS-MBS-31695			own knowledge
cyrillic	Федеральная служба безопасности Российской Федерации	EL-243716dad0|ISN-243716dad0|SDN-21344			own knowledge
cyrillic	Главное разведывательное управление	EL-a866152479|EL-a866152479-2|ISN-5a2a1d273c|SDN-21343			own knowledge
cyrillic	Московский физико-технический институт	EL-972a2c3490			own knowledge
cyrillic	Московский авиационный институт	EL-618242d7ad|SDN-50728			own knowledge
cyrillic	АО «Корпорация «Московский институт теплотехники»	EL-226a8810fc|SDN-37662			own knowledge
cyrillic	ОАО «Минский завод колёсных тягачей»	EL-aba7bd2af0|SDN-34769|ISN-549951e40d			own knowledge; Russian
cyrillic	ААТ «Мінскі завод колавых цягачоў»	EL-aba7bd2af0|SDN-34769|ISN-549951e40d			own knowledge; Belarusian
cyrillic	Белорусский государственный концерн по нефти и химии	SDN-10574			own knowledge (Belneftekhim)
cyrillic	ОАО «Нафтан»	SDN-12860			own knowledge
cyrillic	Севастопольський морський торговельний порт	EL-610e2493f3|SDN-18322			own knowledge; Ukrainian
cyrillic	Крымская железная дорога	EL-a9dce2dbe3|SDN-21039			own knowledge
cyrillic	АО «Концерн «Созвездие»	EL-7310c0c5a7|SDN-16869			own knowledge
cyrillic	Хуавэй Текнолоджиз Ко., Лтд.	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	own knowledge; Russian rendering of Huawei Technologies
cyrillic	ООО «Техкомпания Хуавэй»	EL-c4c0bde649		huawei	own knowledge; Huawei's Russian subsidiary (listed as Huawei Russia)
cyrillic	Ханчжоу Хиквижн Диджитал Текнолоджи Ко., Лтд.	EL-28e6392023|CMIC-30946			own knowledge; Russian rendering
cyrillic	Банк Мелли Иран	SDN-25578			own knowledge; Russian rendering
cyrillic	Иран Эйр	SDN-25237|EL-2a002dc9a4|DPL-2a002dc9a4			own knowledge; Russian rendering
cyrillic	Путин Владимир Владимирович	SDN-35096			own knowledge; surname first
cyrillic	Сергей Викторович Лавров	SDN-35233			own knowledge
cyrillic	Шойгу Сергей Кужугетович	SDN-35173			own knowledge
cyrillic	Песков Дмитрий Сергеевич	SDN-35320			own knowledge
cyrillic	Сечин Игорь Иванович	SDN-16692			own knowledge
cyrillic	Миллер Алексей Борисович	SDN-24083			own knowledge
cyrillic	Олег Владимирович Дерипаска	SDN-24283			own knowledge
cyrillic	Вексельберг Виктор Феликсович	SDN-24306			own knowledge
cyrillic	Усманов Алишер Бурханович	SDN-35283			own knowledge
cyrillic	Ротенберг Аркадий Романович	SDN-16669			own knowledge
cyrillic	Тимченко Геннадий Николаевич	SDN-16666			own knowledge
cyrillic	Ковальчук Юрий Валентинович	SDN-16680			own knowledge
cyrillic	Пригожин Евгений Викторович	SDN-21171			own knowledge
cyrillic	Медведев Дмитрий Анатольевич	SDN-36407			own knowledge
cyrillic	Набиуллина Эльвира Сахипзадовна	SDN-35797			own knowledge
cyrillic	Кадыров Рамзан Ахматович	SDN-23343			own knowledge
cyrillic	Лукашэнка Аляксандр Рыгоравіч	SDN-9760			own knowledge; Belarusian spelling
cyrillic	Янукович Віктор Федорович	SDN-16641			own knowledge; Ukrainian spelling
cyrillic	Греф Герман Оскарович	SDN-34796			own knowledge
arabic_persian	بانک ملی ایران	SDN-25578			own knowledge; Persian
arabic_persian	بانک ملت	SDN-25019			own knowledge; Persian
arabic_persian	بانک سپه	SDN-25580			own knowledge; Persian
arabic_persian	بانک صادرات ایران	SDN-10368			own knowledge; Persian
arabic_persian	بانک تجارت	SDN-25677			own knowledge; Persian
arabic_persian	بانک رفاه کارگران	SDN-4635			own knowledge; Persian
arabic_persian	بانک کشاورزی	SDN-4639			own knowledge; Persian
arabic_persian	بانک مسکن	SDN-4633			own knowledge; Persian
arabic_persian	بانک مرکزی جمهوری اسلامی ایران	SDN-4632			own knowledge; Persian
arabic_persian	سپاه پاسداران انقلاب اسلامی	SDN-10391|ISN-24305f1f09			own knowledge; Persian
arabic_persian	نیروی قدس سپاه پاسداران انقلاب اسلامی	SDN-10465			own knowledge; Persian
arabic_persian	سازمان بسیج مستضعفین	SDN-12727			own knowledge; Persian (Basij)
arabic_persian	وزارت دفاع و پشتیبانی نیروهای مسلح	SDN-10392|ISN-18de65bae8			own knowledge; Persian (MODAFL)
arabic_persian	سازمان صنایع هوافضا	SDN-9348|ISN-35bda577a0			own knowledge; Persian (AIO)
arabic_persian	سازمان صنایع دفاع	SDN-10153|ISN-ccec0932cf			own knowledge; Persian (DIO)
arabic_persian	سازمان صنایع هوایی ایران	SDN-16436			own knowledge; Persian
arabic_persian	شرکت صنایع هواپیماسازی ایران	SDN-11195			own knowledge; Persian (HESA)
arabic_persian	صنایع الکترونیک ایران	SDN-11184			own knowledge; Persian
arabic_persian	صنایع مخابرات ایران	SDN-11181			own knowledge; Persian
arabic_persian	سازمان انرژی اتمی ایران	SDN-25627|EL-b794162de8|ISN-b794162de8			own knowledge; Persian
arabic_persian	شرکت ملی نفت ایران	SDN-11317			own knowledge; Persian
arabic_persian	شرکت ملی نفتکش ایران	SDN-15117			own knowledge; Persian
arabic_persian	کشتیرانی جمهوری اسلامی ایران	SDN-25396|DPL-48892c1fe6			own knowledge; Persian (IRISL)
arabic_persian	هواپیمایی ماهان	SDN-12927			own knowledge; Persian
arabic_persian	هواپیمایی جمهوری اسلامی ایران	SDN-25237|EL-2a002dc9a4|DPL-2a002dc9a4			own knowledge; Persian (Iran Air)
arabic_persian	سازمان صدا و سیمای جمهوری اسلامی ایران	SDN-15764			own knowledge; Persian (IRIB)
arabic_persian	قرارگاه سازندگی خاتم الانبیاء	SDN-10488			own knowledge; Persian
arabic_persian	گروه صنعتی شهید همت	EL-ab70321ce8|EL-ab70321ce8-2|ISN-4bc588c907|SDN-9349			own knowledge; Persian
arabic_persian	گروه صنعتی شهید باکری	SDN-9350|EL-d12bd687ee|ISN-8573b19089			own knowledge; Persian
arabic_persian	دانشگاه صنعتی مالک اشتر	SDN-13152			own knowledge; Persian
arabic_persian	ستاد اجرایی فرمان حضرت امام	SDN-16004			own knowledge; Persian (Setad)
arabic_persian	بنیاد مستضعفان انقلاب اسلامی	SDN-30346			own knowledge; Persian
arabic_persian	شرکت فولاد مبارکه اصفهان	SDN-25064			own knowledge; Persian
arabic_persian	وزارت اطلاعات جمهوری اسلامی ایران	SDN-12111			own knowledge; Persian
arabic_persian	زندان اوین	SDN-24586			own knowledge; Persian
arabic_persian	خبرگزاری تسنیم	SDN-44926			own knowledge; Persian
arabic_persian	خبرگزاری فارس	SDN-45049			own knowledge; Persian
arabic_persian	نیروی انتظامی جمهوری اسلامی ایران	SDN-12763			own knowledge; Persian
arabic_persian	سید علی خامنه‌ای	SDN-26945			own knowledge; Persian
arabic_persian	قاسم سلیمانی	SDN-10481			own knowledge; Persian
arabic_persian	حزب الله	SDN-4697			own knowledge; Arabic
arabic_persian	حركة المقاومة الإسلامية	SDN-4695			own knowledge; Arabic (Hamas full name)
arabic_persian	تنظيم القاعدة	SDN-6366			own knowledge; Arabic
arabic_persian	الدولة الإسلامية في العراق والشام	SDN-8759			own knowledge; Arabic
arabic_persian	أنصار الله	SDN-47664			own knowledge; Arabic
arabic_persian	كتائب حزب الله	SDN-11462			own knowledge; Arabic
arabic_persian	عصائب أهل الحق	SDN-28283			own knowledge; Arabic
arabic_persian	جبهة النصرة	SDN-16937			own knowledge; Arabic
arabic_persian	حركة الشباب المجاهدين	SDN-10761			own knowledge; Arabic
arabic_persian	جمعية القرض الحسن	SDN-10416			own knowledge; Arabic
arabic_persian	جهاد البناء	SDN-10053			own knowledge; Arabic
arabic_persian	حركة النجباء	SDN-26446			own knowledge; Arabic
arabic_persian	كتائب سيد الشهداء	SDN-46348			own knowledge; Arabic
arabic_persian	كتائب شهداء الأقصى	SDN-7200			own knowledge; Arabic
arabic_persian	مركز الدراسات والبحوث العلمية	EL-ba6716b760|SDN-9352|ISN-ddcc9a3c41			own knowledge; Arabic (SSRC)
arabic_persian	أجنحة الشام للطيران	EL-92c48fea9f|SDN-21244			own knowledge; Arabic (Cham Wings)
arabic_persian	بشار الأسد	SDN-12735			own knowledge; Arabic
arabic_persian	ماهر الأسد	SDN-12725			own knowledge; Arabic
arabic_persian	رامي مخلوف	SDN-10725			own knowledge; Arabic
arabic_persian	حسن نصر الله	SDN-2686			own knowledge; Arabic
arabic_persian	أيمن الظواهري	SDN-2676			own knowledge; Arabic
arabic_persian	معمر القذافي	SDN-12606			own knowledge; Arabic
arabic_persian	إسماعيل هنية	SDN-23627|PLC-23627			own knowledge; Arabic
arabic_persian	عبد الملك الحوثي	SDN-17927			own knowledge; Arabic
japanese_korean	조선무역은행	SDN-15603			own knowledge; Hangul, Foreign Trade Bank of the DPRK
japanese_korean	조선광선은행	SDN-11581			own knowledge; Hangul
japanese_korean	조선련봉총회사	SDN-9347|ISN-55ce835cd3			own knowledge; Hangul
japanese_korean	조선광업개발무역회사	SDN-9345|ISN-4890102e98			own knowledge; Hangul (KOMID)
japanese_korean	조선대성은행	SDN-12312			own knowledge; Hangul
japanese_korean	조선중앙은행	SDN-23015			own knowledge; Hangul
japanese_korean	조선인민군	SDN-22284			own knowledge; Hangul
japanese_korean	정찰총국	SDN-12210			own knowledge; Hangul
japanese_korean	원양해운관리회사	SDN-17068			own knowledge; Hangul (Ocean Maritime Management)
japanese_korean	고려항공	SDN-20520			own knowledge; Hangul
japanese_korean	국가보위성	SDN-20129			own knowledge; Hangul
japanese_korean	조선단군무역회사	SDN-11599|ISN-1706c4ff74			own knowledge; Hangul
japanese_korean	남천강무역회사	SDN-11532|ISN-a382e53950|ISN-3e277ae5c6			own knowledge; Hangul
japanese_korean	조선민족보험총회사	SDN-20573			own knowledge; Hangul
japanese_korean	군수공업부	SDN-12214|ISN-b244397ae2			own knowledge; Hangul
japanese_korean	조선콤퓨터쎈터	SDN-22323			own knowledge; Hangul (DPRK spelling)
japanese_korean	김정은	SDN-20157			own knowledge; Hangul
japanese_korean	김여정	SDN-21444			own knowledge; Hangul
japanese_korean	최룡해	SDN-23213			own knowledge; Hangul
japanese_korean	六代目山口組	SDN-13071			own knowledge; Japanese
japanese_korean	住吉会	SDN-15495			own knowledge; Japanese
japanese_korean	稲川会	SDN-15661			own knowledge; Japanese
japanese_korean	工藤會	SDN-16604			own knowledge; Japanese
japanese_korean	弘道会	SDN-17787			own knowledge; Japanese
japanese_korean	神戸山口組	SDN-20379			own knowledge; Japanese
japanese_korean	山健組	SDN-20380			own knowledge; Japanese
japanese_korean	野村悟	SDN-16605			own knowledge; Japanese (Kudo-kai head)
japanese_korean	竹内照明	SDN-17788			own knowledge; Japanese (Kodo-kai head)
japanese_korean	井上邦雄	SDN-20381			own knowledge; Japanese (Kobe Yamaguchi-gumi head)
japanese_korean	華為技術日本株式会社	EL-891eb51645		huawei	own knowledge; Japanese legal name of Huawei Technologies Japan K.K.
japanese_korean	東洋信用実業株式会社	SDN-24684			own rendering of Toyo Shinyo Jitsugyo K.K.; kanji less sure
as_written_variant	HiSilicon Technologies Co. Ltd. (HiSilicon), Shenzhen, Guangdong	EL-598691c608		huawei	listed name + parenthetical + city
as_written_variant	Huawei Technologies (Huawei)	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	repeated word in parentheses
as_written_variant	Affiliated Entity: Huawei Device Co., Ltd.	EL-a8505606b8		huawei	CSL 'Affiliated Entity:' prefix
as_written_variant	huawei technologies co ltd	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	lower case, no punctuation
as_written_variant	Rosoboronexport JSC (ROE), Moscow, Russia	EL-b076e390ac|SDN-18782|SSI-18782			name + abbreviation + city
as_written_variant	Bank Melli Iran (BMI)	SDN-25578			name + acronym
as_written_variant	Islamic Revolutionary Guard Corps (IRGC)	SDN-10391|ISN-24305f1f09			name + acronym
as_written_variant	Atomic Energy Organization of Iran - AEOI	SDN-25627|EL-b794162de8|ISN-b794162de8			name + dash acronym
as_written_variant	Attn: procurement dept, Hangzhou Hikvision Digital Technology Co., Ltd., No.555 Qianmo Road, Binjiang District, Hangzhou	EL-28e6392023|CMIC-30946			name inside attention line and address
as_written_variant	Hikvision (Hangzhou Hikvision Digital Technology Co., Ltd.)	EL-28e6392023|CMIC-30946			brand + full name in parentheses
as_written_variant	SEMICONDUCTOR MANUFACTURING INTERNATIONAL CORP. (SMIC) - SHANGHAI	EL-09066d6226|CMIC-30951			upper case + suffix
as_written_variant	Yangtze Memory Technologies Co., Ltd. (YMTC), Wuhan, Hubei, China	EL-34b14d3a83			name + acronym + address
as_written_variant	Consignee: SZ DJI TECHNOLOGY CO.,LTD., Nanshan District, Shenzhen	EL-03a661edc1|CMIC-33111			shipping-document style
as_written_variant	iFlytek Co., Ltd.	EL-5a40bc667e			brand casing + legal form
as_written_variant	Megvii Technology Ltd (Face++)	EL-949efd1ad1|CMIC-33091			name + product brand in parentheses
as_written_variant	Sugon (Dawning Information Industry Co., Ltd.)	EL-401a4469be|CMIC-33113			brand + legal name in parentheses
as_written_variant	Inspur Group Co., Ltd. / Inspur Group	EL-8ac34c1a21|CMIC-30949			slash-joined repetition
as_written_variant	NUDT - National University of Defense Technology, Changsha, Hunan	EL-49ea2b9d61			acronym first + address
as_written_variant	Beihang University (BUAA), Beijing	EL-1557df02ce			alias + acronym + city
as_written_variant	Harbin Institute of Technology (HIT)	EL-66dae938da			name + acronym
as_written_variant	China Electronics Technology Group Corporation 38th Research Institute (CETC38), Hefei	EL-7e7a6824d9			acronym spacing variant + city
as_written_variant	State Corporation "Rostec"	EL-15626c66df|SDN-17260|SSI-17260			quoted name
as_written_variant	Kalashnikov Concern JSC, Izhevsk	EL-70964ca2a2|SDN-16911			name + legal form + city
as_written_variant	JSC Concern Sozvezdie (Voronezh)	EL-7310c0c5a7|SDN-16869			name + city in parentheses
as_written_variant	Hytera Communications Corporation Limited	EL-e1207cd348			full corporate form
as_written_variant	China Electronics Technology Group Corp. (CETC)	CMIC-30936			contracted + acronym
as_written_variant	ZTE Parsian Co., Tehran	EL-79b0518700			legal form + city
as_written_variant	Mahan Air / Mahan Airways	SDN-12927|DPL-0a3d47cfed			slash-joined variants
as_written_variant	Bank Sepah, Tehran, Iran	SDN-25580			name + address
as_written_variant	Hezbollah (Hizballah)	SDN-4697			alternate spelling + listed spelling
as_written_variant	Wagner Group (PMC Wagner)	EL-c27f099682|SDN-22543|ISN-dd3a156bf7			alias + alias in parentheses
as_written_variant	Korea Mining Development Trading Corporation (KOMID)	SDN-9345|ISN-4890102e98			name + acronym
as_written_variant	Foreign Trade Bank of the Democratic People's Republic of Korea (FTB)	SDN-15603			name + acronym
as_written_variant	Sberbank of Russia PJSC (Sberbank)	SDN-17018|SSI-17018			name + short name
as_written_variant	Iran Air (Homa)	SDN-25237|EL-2a002dc9a4|DPL-2a002dc9a4			name + brand
as_written_variant	PJSC Mikron (Mikron Group), Zelenograd	EL-c6e770f905|SDN-35936			name + group + city
as_written_variant	AO Rosoboronexport	EL-b076e390ac|SDN-18782|SSI-18782			Russian legal form prefix
as_written_variant	To: Purchasing Department, Cambricon Technologies Corporation Limited, Beijing	EL-6bd7cd5f76|EL-6bd7cd5f76-2			name inside address line
as_written_variant	Dahua Technology Co., Ltd (Zhejiang Dahua)	EL-0ae73c8b7e			legal form + parenthetical
as_written_variant	Sensetime Group Ltd (商汤集团)	CMIC-33114			mixed script parenthetical
as_written_variant	FSB (Federal Security Service of the Russian Federation)	EL-243716dad0|ISN-243716dad0|SDN-21344			acronym + expanded name
typo_reorder	Huawai Technologies Co., Ltd.	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	hand typo: e->a
typo_reorder	Technologies Huawei Co Ltd	EL-6b7bebe9dc|EL-03a400e609|CMIC-30947		huawei	word order swapped
typo_reorder	HiSilicon Technolgies Co., Ltd	EL-598691c608		huawei	hand typo: dropped letter
typo_reorder	Hangzhou Hikvison Digital Technology Co., Ltd.	EL-28e6392023|CMIC-30946			hand typo: dropped letter
typo_reorder	Hikvision Digital Technology Hangzhou Co Ltd	EL-28e6392023|CMIC-30946			city moved to end
typo_reorder	Semiconductor Manufaturing International Corporation	EL-09066d6226|CMIC-30951			hand typo: dropped letter
typo_reorder	Yangtze Memroy Technologies Co., Ltd.	EL-34b14d3a83			hand typo: transposed letters
typo_reorder	Rosoboronexprot	EL-b076e390ac|SDN-18782|SSI-18782			hand typo: transposed letters
typo_reorder	Kalashnikov Conern	EL-70964ca2a2|SDN-16911			hand typo: dropped letter
typo_reorder	Concern Almaz Antey Joint Stock Company	EL-ca86bd5807|SDN-16865			word order + hyphen dropped
typo_reorder	Bank Meli Iran	SDN-25578			hand typo: dropped letter
typo_reorder	Islamic Revolutionary Gaurd Corps	SDN-10391|ISN-24305f1f09			hand typo: transposed letters
typo_reorder	Mahaan Air	SDN-12927			hand typo: doubled letter
typo_reorder	Sberbnak of Russia	SDN-17018|SSI-17018			hand typo: transposed letters
typo_reorder	Gazprombnak	SDN-17016|SSI-17016			hand typo: transposed letters
typo_reorder	Tactical Missles Corporation	EL-de3007d71b|SDN-34876			hand typo: dropped letter
typo_reorder	Uralvagonzavd	EL-37f5ddefab|SDN-16885			hand typo: dropped letter
typo_reorder	Megvi Technology	EL-949efd1ad1|CMIC-33091			hand typo: dropped letter
typo_reorder	Beijing Sensetime Tecnology Development Co., Ltd.	EL-4e60f8e67f			hand typo: dropped letter
typo_reorder	Inspur Electronic Infomation Industry Co., Ltd.	EL-7cdfd9d24a			hand typo: dropped letter
typo_reorder	Naura Technolgy Group Co., Ltd.	EL-106b300535			hand typo: dropped letter
typo_reorder	Cambricon Technologies Corporation Limted	EL-6bd7cd5f76|EL-6bd7cd5f76-2			hand typo: dropped letter
typo_reorder	Northwestern Polytechnial University	EL-f90d374347			hand typo: dropped letter
typo_reorder	National University of Defence Technology	EL-49ea2b9d61			British spelling Defence
typo_reorder	Harbin Institue of Technology	EL-66dae938da			hand typo: dropped letter
typo_reorder	Atomic Energy Organisation of Iran	SDN-25627|EL-b794162de8|ISN-b794162de8			British spelling Organisation
typo_reorder	Shahid Hemmat Industial Group	EL-ab70321ce8|EL-ab70321ce8-2|ISN-4bc588c907|SDN-9349			hand typo: dropped letter
typo_reorder	Korea Mining Developmnet Trading Corporation	SDN-9345|ISN-4890102e98			hand typo: transposed letters
typo_reorder	Rostec State Corporaton	EL-15626c66df|SDN-17260|SSI-17260			word order + dropped letter
typo_reorder	Federal Security Servise	EL-243716dad0|ISN-243716dad0|SDN-21344			hand typo: c->s
typo_reorder	Zhejiang Dahau Technology	EL-0ae73c8b7e			hand typo: transposed letters
typo_reorder	Phytium Information Technology Tianjin	EL-04e635b060			city moved to end
typo_reorder	Moscow Institue of Physics and Technology	EL-972a2c3490			hand typo: dropped letter
typo_reorder	Chinese Academy of Engineering Physic	EL-496e2e5518			hand typo: dropped final letter
typo_reorder	Vladimir Vladimirovich Putin	SDN-35096			given-name-first order
typo_reorder	Sergey Viktorovich Lavrov	SDN-35233			given-name-first order
typo_reorder	Alexey Borisovich Miller	SDN-24083			given-name-first order
typo_reorder	Oleg Deripaska	SDN-24283			given-name-first, patronymic dropped
typo_reorder	Viktor Vekselburg	SDN-24306			given-name-first + hand typo
typo_reorder	Arkady Rotenburg	SDN-16669			given-name-first + hand typo
typo_reorder	Qasem Soleimany	SDN-10481			given-name-first + hand typo
typo_reorder	Bashar Al Assad	SDN-12735			given-name-first + spacing
typo_reorder	Kim Jong-un	SDN-20157			hyphenated given name, family name first
typo_reorder	Ramzan Akhmatovich Kadyrov	SDN-23343			given-name-first order
typo_reorder	Igor Sechin	SDN-16692			given-name-first order
alias	Beijing Shangtang Technology Development Co., Ltd.	EL-4e60f8e67f	Beijing Shangtang Technology Development Co., Ltd.		pinyin rendering of Sensetime's Chinese name
alias	Tianjin Feiteng Information Technology	EL-04e635b060	Tianjin Feiteng Information Technology		pinyin of Phytium's Chinese name
alias	Changjiang Storage Technology	EL-34b14d3a83	Changjiang Storage Technology		translation/pinyin of YMTC's Chinese name
alias	Langchao (Beijing) Electronic Information Industry Co., Ltd.	EL-6a34d2647a	Langchao (Beijing) Electronic Information Industry Co., Ltd.		pinyin of Inspur's Chinese name
alias	Beifang Huachuang	EL-106b300535	Beifang Huachuang		pinyin of Naura's Chinese name
alias	Otkrytoe Aktsionernoe Obshchestvo Kontsern PVO Almaz Antei	EL-ca86bd5807|SDN-16865	Otkrytoe Aktsionernoe Obshchestvo Kontsern PVO Almaz Antei		Russian transliteration
alias	STATE CORPORATION FOR THE PROMOTION OF THE DEVELOPMENT, MANUFACTURE, AND EXPORT OF HIGH TECH PRODUCTS ROSTEC	SDN-17260|EL-15626c66df|SSI-17260	STATE CORPORATION FOR THE PROMOTION OF THE DEVELOPMENT, MANUFACTURE, AND EXPORT OF HIGH TECH PRODUCTS ROSTEC		long form sharing Rostec
alias	NATIONAL BANK OF IRAN	SDN-25578	NATIONAL BANK OF IRAN		translation of Bank Melli Iran
alias	AGRICULTURAL BANK OF IRAN	SDN-4639	AGRICULTURAL BANK OF IRAN		translation of Bank Keshavarzi Iran
alias	HOUSING BANK - OF IRAN	SDN-4633	HOUSING BANK - OF IRAN		translation of Bank Maskan
alias	WORKERS' WELFARE BANK - OF IRAN	SDN-4635	WORKERS' WELFARE BANK - OF IRAN		translation of Bank Refah Kargaran
alias	IRAN EXPORT BANK	SDN-10368	IRAN EXPORT BANK		translation of Bank Saderat Iran
alias	TEJARAT BANK	SDN-25677	TEJARAT BANK		word order variant
alias	SAZMANE SANAYE HAVA FAZA	SDN-9348|ISN-35bda577a0	SAZMANE SANAYE HAVA FAZA		Persian transliteration
alias	SAZMANE SANAYE HAVAI	SDN-16436	SAZMANE SANAYE HAVAI		Persian transliteration
alias	SANAYE ELECTRONIC IRAN	SDN-11184	SANAYE ELECTRONIC IRAN		Persian transliteration
alias	DANESHGAH-E SANA'TI-YE MALEK-E ASHTAR	SDN-13152	DANESHGAH-E SANA'TI-YE MALEK-E ASHTAR		Persian transliteration
alias	VEZARAT-E ETTELA'AT VA AMNIAT-E KESHVAR	SDN-12111	VEZARAT-E ETTELA'AT VA AMNIAT-E KESHVAR		Persian transliteration
alias	SAZMAN-E MOGHAVEMAT-E BASIJ	SDN-12727	SAZMAN-E MOGHAVEMAT-E BASIJ		Persian transliteration
alias	PARTY OF GOD	SDN-4697	PARTY OF GOD		translation of Hizballah
alias	ISLAMIC RESISTANCE MOVEMENT	SDN-4695	ISLAMIC RESISTANCE MOVEMENT		translation of HARAKAT AL-MUQAWAMA AL-ISLAMIYA
alias	SUPPORTERS OF GOD	SDN-47664	SUPPORTERS OF GOD		translation of Ansarallah
alias	HARAKAT SHABAB AL-MUJAHIDIN	SDN-10761	HARAKAT SHABAB AL-MUJAHIDIN		transliteration sharing Shabaab
alias	SBERBANK ROSSII	SDN-17018|SSI-17018	SBERBANK ROSSII		transliteration
alias	BANK VNESHNEY TORGOVLI OPEN JOINT STOCK COMPANY	SDN-17013|SSI-17013	BANK VNESHNEY TORGOVLI OPEN JOINT STOCK COMPANY		expanded transliteration of VTB
alias	JOINT STOCK BANK OF THE GAS INDUSTRY GAZPROMBANK	SDN-17016|SSI-17016	JOINT STOCK BANK OF THE GAS INDUSTRY GAZPROMBANK		long form sharing Gazprombank
alias	AKTSIONERNOE OBSCHESTVO KORPORATSIYA TAKTICHESKOE RAKETNOE VOORUZHENIE	SDN-34876|EL-de3007d71b	AKTSIONERNOE OBSCHESTVO KORPORATSIYA TAKTICHESKOE RAKETNOE VOORUZHENIE		Russian transliteration
alias	PUBLICHNOE AKTSIONERNOE OBSCHESTVO OBEDINENNAYA AVIASTROITELNAYA KORPORATSIYA	SDN-36431|EL-66ea3874a7|EL-969297d226	PUBLICHNOE AKTSIONERNOE OBSCHESTVO OBEDINENNAYA AVIASTROITELNAYA KORPORATSIYA		Russian transliteration
alias	PUTIN, Vladimir	SDN-35096	PUTIN, Vladimir		shortened form
alias	SOLEYMANI, Ghasem	SDN-10481	SOLEYMANI, Ghasem		transliteration variant
alias	ASSAD, Bashar	SDN-12735	ASSAD, Bashar		transliteration variant
alias	NASRALLAH, Hasan Abd-al-Karim	SDN-2686	NASRALLAH, Hasan Abd-al-Karim		longer form
alias	Hunan Guofang Keji University	EL-49ea2b9d61	Hunan Guofang Keji University		pinyin of NUDT's Chinese name
alias	Da-Jiang Innovations	EL-03a661edc1|CMIC-33111	Da-Jiang Innovations		transliteration of DJI's Chinese name
alias	Inspur Information	EL-7cdfd9d24a	Inspur Information		shortened form
alias	Haiguang Xinxi Jishu Youxian Gongsi	EL-b1b279e226	Haiguang Xinxi Jishu Youxian Gongsi		pinyin of Higon's Chinese name
alias	Chengdu Haiguang Wei Dianzi Jishu	EL-a1d3289f83	Chengdu Haiguang Wei Dianzi Jishu		pinyin
alias	Shenzhenshi Zhangge Yiqi Youxian Gongsi	EL-12cc26c628	Shenzhenshi Zhangge Yiqi Youxian Gongsi		pinyin
alias	Beijing Nuodian Keji Youxian Gongsi	EL-7473e15715	Beijing Nuodian Keji Youxian Gongsi		pinyin
alias	Shanghai Hangkong Dianzi Youxian Zeren Gongsi	EL-f8540a1836	Shanghai Hangkong Dianzi Youxian Zeren Gongsi		pinyin
alias	Xi’an Xiangteng Weidianzi Keji Youxian Gongsi	EL-22d677b690	Xi’an Xiangteng Weidianzi Keji Youxian Gongsi		pinyin
alias	Xinjiang Lianhai Chuangzhi Xinxi Keji Youxian Gongsi	EL-233806d884	Xinjiang Lianhai Chuangzhi Xinxi Keji Youxian Gongsi		pinyin
alias	Nanjing Chunhui Keji Shiye Youxian Gongsi	EL-d1bc77f1e6	Nanjing Chunhui Keji Shiye Youxian Gongsi		pinyin
alias	Xi’an Xiangyang Hangtian Cailiao Gufen Youxian Gongsi	EL-b84591967f	Xi’an Xiangyang Hangtian Cailiao Gufen Youxian Gongsi		pinyin
alias	Suzhou Ke Nai Ke Te Dianzi Youxian Gongsi	EL-dcc2959cbb	Suzhou Ke Nai Ke Te Dianzi Youxian Gongsi		pinyin
alias	Ditai Keji Xianggang Youxian Gongsi	EL-fce9fe9850	Ditai Keji Xianggang Youxian Gongsi		pinyin
alias	Beijing Haili Lianhe Keji Youxian Gongsi	EL-7accfef893	Beijing Haili Lianhe Keji Youxian Gongsi		pinyin
alias	Union Trade Turkey Machinery Import and Export Limited Company	EL-d0917d4089	Union Trade Turkey Machinery Import and Export Limited Company		translation of Turkish name
alias	Huawei Technologies Costa Rica Sociedad Anonima	EL-2a289f0414	Huawei Technologies Costa Rica Sociedad Anonima	huawei	legal form spelled out
alias	Ulan Qab Huawei Cloud Computing Technology	EL-81a187d14a	Ulan Qab Huawei Cloud Computing Technology	huawei	Mongolian place-name rendering
alias	Huawei Technologies India Pvt., Ltd.	EL-58adf5e409	Huawei Technologies India Pvt., Ltd.	huawei	contracted legal form
alias	Huawei Marine	EL-d93755311a	Huawei Marine	huawei	shortened form
alias	Shenzhen Xinkailai Technology Co., Ltd.	EL-fe3321f5e8	Shenzhen Xinkailai Technology Co., Ltd.	huawei	pinyin of SiCarrier's Chinese name
alias	Beijing Beidou Star Navigation Technology Co., Ltd.	EL-0a9db58799	Beijing Beidou Star Navigation Technology Co., Ltd.		pinyin/translation of BDStar
alias	Hefei Benyuan Quantum Computing Technology Co., Ltd.	EL-25bbeb232d	Hefei Benyuan Quantum Computing Technology Co., Ltd.		pinyin of Origin Quantum
alias	Tuojing (Shanghai) Co., Ltd.	EL-52c70462a5	Tuojing (Shanghai) Co., Ltd.		pinyin of Piotech
alias	FEDERALNAYA SLUZHBA BEZOPASNOSTI	SDN-21344|EL-243716dad0|ISN-243716dad0	FEDERALNAYA SLUZHBA BEZOPASNOSTI		Russian transliteration of FSB
alias	NORTH KOREA'S FOREIGN TRADE BANK	SDN-15603	NORTH KOREA'S FOREIGN TRADE BANK		reworded
alias	CHOSON TAESONG UNHAENG	SDN-12312	CHOSON TAESONG UNHAENG		Korean transliteration
alias	CHONGCH'AL CH'ONGGUK	SDN-12210	CHONGCH'AL CH'ONGGUK		Korean transliteration of Reconnaissance General Bureau
alias	CHOSON COMPUTER CENTER	SDN-22323	CHOSON COMPUTER CENTER		Korean form sharing Computer Center
alias	AIRKORYO	SDN-20520	AIRKORYO		spacing variant
alias	Chastnaya Voennaya Kompaniya 'Vagner'	EL-c27f099682|SDN-22543|ISN-dd3a156bf7	Chastnaya Voennaya Kompaniya 'Vagner'		Russian transliteration
alias	LAKHTA INTERNET RESEARCH	SDN-23943	LAKHTA INTERNET RESEARCH		variant sharing Internet Research
alias	ATI SAZAN FARHANG TASNIM INSTITUTE	SDN-44926	ATI SAZAN FARHANG TASNIM INSTITUTE		Persian form sharing Tasnim
alias	KHATAM AL-ANBYA	SDN-10488	KHATAM AL-ANBYA		transliteration variant
alias	SETAD-E EJRAEI-E FARMAN-E HAZRAT-E EMAM	SDN-16004	SETAD-E EJRAEI-E FARMAN-E HAZRAT-E EMAM		Persian transliteration
alias	BONYAD MOSTAZAFAN	SDN-30346	BONYAD MOSTAZAFAN		Persian form
alias	MOBARAKEH STEEL COMPANY	SDN-25064	MOBARAKEH STEEL COMPANY		shortened form
alias	HAVAPEYMAYI MELLI IRAN	SDN-25237|EL-2a002dc9a4|DPL-2a002dc9a4	HAVAPEYMAYI MELLI IRAN		Persian transliteration of Iran Air
alias	IRAN AIRCRAFT MANUFACTURING INDUSTRIES	SDN-11195	IRAN AIRCRAFT MANUFACTURING INDUSTRIES		variant
alias	SANAYE MOKHABERAT IRAN	SDN-11181	SANAYE MOKHABERAT IRAN		Persian transliteration
alias	CHINA UNITED TELECOMMUNICATIONS CORPORATION	CMIC-30942	CHINA UNITED TELECOMMUNICATIONS CORPORATION		variant sharing China United
alias	Sazeman-e Enerji-e Atomi	EL-b794162de8|SDN-25627|ISN-b794162de8	Sazeman-e Enerji-e Atomi		Persian transliteration
alias	Shahid Bagheri Industrial Group	EL-d12bd687ee|SDN-9350|ISN-8573b19089	Shahid Bagheri Industrial Group		transliteration variant
alias	Production Republican Unitary Enterprise Minsk Wheeled Tractor Plant	EL-aba7bd2af0|SDN-34769|ISN-549951e40d	Production Republican Unitary Enterprise Minsk Wheeled Tractor Plant		long form
alias	Nauchno-Proizvodstvennaya Korporatsiya Uralvagonzavod OAO	EL-37f5ddefab|SDN-16885	Nauchno-Proizvodstvennaya Korporatsiya Uralvagonzavod OAO		Russian transliteration
alias	Oil Company Rosneft	EL-e4ecd9a0d6|SDN-17022|SSI-17022	Oil Company Rosneft		reworded
alias	NIRUYIH INTIZAMIYEH JUMHURIYIH ISLAMIYIH IRAN	SDN-12763	NIRUYIH INTIZAMIYEH JUMHURIYIH ISLAMIYIH IRAN		Persian transliteration
alias	Main Intelligence Department	EL-a866152479|EL-a866152479-2|SDN-21343|ISN-5a2a1d273c	Main Intelligence Department		synonym
alias	Shenzhen Yuntian Lifei Technology Co., Ltd.	EL-4c4cc569df	Shenzhen Yuntian Lifei Technology Co., Ltd.		pinyin of Intellifusion
alias	Beijing Yige Siman Aviation Technology Group Co., Ltd.	EL-0f84a1a6ad	Beijing Yige Siman Aviation Technology Group Co., Ltd.		transliteration of Eagles Men
alias	Dongfang Wangli Technology	EL-2a52f01ac7|CMIC-33895	Dongfang Wangli Technology		pinyin of NetPosa
alias	Yun Cong Information Technology Co. Ltd.	EL-b825834b0e|CMIC-33112	Yun Cong Information Technology Co. Ltd.		pinyin of CloudWalk
alias	Fudan Micro	EL-1ab4f2f714	Fudan Micro		shortened form
alias_unrelated	IRGC	SDN-10391|ISN-24305f1f09	IRGC		bare acronym
alias_unrelated	BMI	SDN-25578	BMI		bare acronym
alias_unrelated	HESA	SDN-11195	HESA		bare acronym
alias_unrelated	VEVAK	SDN-12111	VEVAK		acronym
alias_unrelated	KTRV	SDN-34876|EL-de3007d71b	KTRV		acronym
alias_unrelated	HOMA	SDN-25237|EL-2a002dc9a4|DPL-2a002dc9a4	HOMA		brand name unrelated to Iran Air
alias_unrelated	MZKT	EL-aba7bd2af0|SDN-34769|ISN-549951e40d	MZKT		acronym
alias_unrelated	GLAVSET LLC	SDN-23943	GLAVSET LLC		unrelated company name
alias_unrelated	Izhevskiy Mashinostroitel'nyi Zavod OAO	EL-70964ca2a2|SDN-16911	Izhevskiy Mashinostroitel'nyi Zavod OAO		former name (Izhmash)
alias_unrelated	Beihang University	EL-1557df02ce	Beihang University		Chinese short name sharing no word
alias_unrelated	DeepGlint	EL-f4d656ec95	DeepGlint		English brand sharing no word
alias_unrelated	Huawei Starlight Engineering Department	EL-fe3321f5e8	Huawei Starlight Engineering Department	huawei	unrelated department name
alias_unrelated	IEIT Systems Co. Ltd.	EL-7cdfd9d24a	IEIT Systems Co. Ltd.		new English name
alias_unrelated	NORINCO	CMIC-30957	NORINCO		bare acronym
alias_unrelated	AVIC	CMIC-30925	AVIC		bare acronym
alias_unrelated	Zhongke Controllable Information Industry Co., Ltd.	EL-e72ea14ad6	Zhongke Controllable Information Industry Co., Ltd.		unrelated legal name
alias_unrelated	NATIONAL IRANIAN RADIO AND TELEVISION	SDN-15764	NATIONAL IRANIAN RADIO AND TELEVISION		former name
alias_unrelated	MOOYOKBANK	SDN-15603	MOOYOKBANK		Korean word, no shared token
alias_unrelated	Guangzhou Radio Factory	EL-d7ab24e108	Guangzhou Radio Factory		former name
alias_unrelated	Central South CAD Center	EL-49ea2b9d61	Central South CAD Center		unrelated subordinate name
alias_unrelated	ISLAMIC JIHAD ORGANIZATION	SDN-4697	ISLAMIC JIHAD ORGANIZATION		unrelated cover name
alias_unrelated	HOUTHI GROUP	SDN-47664	HOUTHI GROUP		name sharing no word
alias_unrelated	Bingtuan	EL-8e6c69636c	Bingtuan		Chinese word for Corps only
"""

# query <TAB> country <TAB> source (sp = S&P 500 list, f2k = Forbes 2000 list, own = own knowledge)
REAL_COMPANY = """
Apple Inc.	US	sp
Microsoft Corporation	US	sp
Amazon.com, Inc.	US	sp
Alphabet Inc.	US	sp
Meta Platforms, Inc.	US	sp
NVIDIA Corporation	US	sp
Tesla, Inc.	US	sp
Berkshire Hathaway Inc.	US	sp
JPMorgan Chase & Co.	US	sp
Johnson & Johnson	US	sp
Visa Inc.	US	sp
Mastercard Incorporated	US	sp
The Procter & Gamble Company	US	sp
Exxon Mobil Corporation	US	sp
Chevron Corporation	US	sp
The Home Depot, Inc.	US	sp
Pfizer Inc.	US	sp
Merck & Co., Inc.	US	sp
AbbVie Inc.	US	sp
The Coca-Cola Company	US	sp
PepsiCo, Inc.	US	sp
Walmart Inc.	US	sp
Costco Wholesale Corporation	US	sp
McDonald's Corporation	US	sp
Cisco Systems, Inc.	US	sp
Oracle Corporation	US	sp
Salesforce, Inc.	US	sp
Adobe Inc.	US	sp
Intel Corporation	US	sp
Advanced Micro Devices, Inc.	US	sp
Qualcomm Incorporated	US	sp
Texas Instruments Incorporated	US	sp
Broadcom Inc.	US	sp
Micron Technology, Inc.	US	sp
Applied Materials, Inc.	US	sp
Lam Research Corporation	US	sp
KLA Corporation	US	sp
Analog Devices, Inc.	US	sp
Netflix, Inc.	US	sp
The Walt Disney Company	US	sp
Comcast Corporation	US	sp
Verizon Communications Inc.	US	sp
AT&T Inc.	US	sp
T-Mobile US, Inc.	US	sp
Bank of America Corporation	US	sp
Wells Fargo & Company	US	sp
Citigroup Inc.	US	sp
Morgan Stanley	US	sp
The Goldman Sachs Group, Inc.	US	sp
American Express Company	US	sp
BlackRock, Inc.	US	sp
The Charles Schwab Corporation	US	sp
UnitedHealth Group Incorporated	US	sp
CVS Health Corporation	US	sp
Elevance Health, Inc.	US	sp
Eli Lilly and Company	US	sp
Bristol-Myers Squibb Company	US	sp
Amgen Inc.	US	sp
Gilead Sciences, Inc.	US	sp
Abbott Laboratories	US	sp
Medtronic plc	IE	sp
Thermo Fisher Scientific Inc.	US	sp
Danaher Corporation	US	sp
The Boeing Company	US	sp
Lockheed Martin Corporation	US	sp
RTX Corporation	US	sp
Northrop Grumman Corporation	US	sp
General Dynamics Corporation	US	sp
L3Harris Technologies, Inc.	US	sp
Honeywell International Inc.	US	sp
GE Aerospace	US	sp
Caterpillar Inc.	US	sp
Deere & Company	US	sp
3M Company	US	sp
Emerson Electric Co.	US	sp
Eaton Corporation plc	IE	sp
Illinois Tool Works Inc.	US	sp
Union Pacific Corporation	US	sp
CSX Corporation	US	sp
Norfolk Southern Corporation	US	sp
United Parcel Service, Inc.	US	sp
FedEx Corporation	US	sp
Delta Air Lines, Inc.	US	sp
United Airlines Holdings, Inc.	US	sp
Southwest Airlines Co.	US	sp
Ford Motor Company	US	sp
General Motors Company	US	sp
Nike, Inc.	US	sp
Starbucks Corporation	US	sp
Target Corporation	US	sp
Lowe's Companies, Inc.	US	sp
The TJX Companies, Inc.	US	sp
Booking Holdings Inc.	US	sp
Marriott International, Inc.	US	sp
Hilton Worldwide Holdings Inc.	US	sp
Uber Technologies, Inc.	US	sp
Airbnb, Inc.	US	sp
PayPal Holdings, Inc.	US	sp
Intuit Inc.	US	sp
ServiceNow, Inc.	US	sp
Workday, Inc.	US	sp
Autodesk, Inc.	US	sp
Synopsys, Inc.	US	sp
Cadence Design Systems, Inc.	US	sp
Palo Alto Networks, Inc.	US	sp
Fortinet, Inc.	US	sp
CrowdStrike Holdings, Inc.	US	sp
Palantir Technologies Inc.	US	sp
Dell Technologies Inc.	US	sp
HP Inc.	US	sp
Hewlett Packard Enterprise Company	US	sp
NetApp, Inc.	US	sp
Western Digital Corporation	US	sp
Seagate Technology Holdings plc	IE	sp
Corning Incorporated	US	sp
Amphenol Corporation	US	sp
TE Connectivity Ltd.	CH	sp
Keysight Technologies, Inc.	US	sp
Teradyne, Inc.	US	sp
Microchip Technology Incorporated	US	sp
ON Semiconductor Corporation	US	sp
Skyworks Solutions, Inc.	US	sp
NXP Semiconductors N.V.	NL	sp
Marvell Technology, Inc.	US	sp
Motorola Solutions, Inc.	US	sp
Zebra Technologies Corporation	US	sp
Garmin Ltd.	CH	sp
Trimble Inc.	US	sp
Dow Inc.	US	sp
DuPont de Nemours, Inc.	US	sp
Linde plc	IE	sp
Air Products and Chemicals, Inc.	US	sp
Ecolab Inc.	US	sp
The Sherwin-Williams Company	US	sp
PPG Industries, Inc.	US	sp
Nucor Corporation	US	sp
Freeport-McMoRan Inc.	US	sp
Newmont Corporation	US	sp
Albemarle Corporation	US	sp
ConocoPhillips	US	sp
Occidental Petroleum Corporation	US	sp
EOG Resources, Inc.	US	sp
Schlumberger Limited	US	sp
Halliburton Company	US	sp
Baker Hughes Company	US	sp
Kinder Morgan, Inc.	US	sp
Marathon Petroleum Corporation	US	sp
Valero Energy Corporation	US	sp
Phillips 66	US	sp
NextEra Energy, Inc.	US	sp
Duke Energy Corporation	US	sp
The Southern Company	US	sp
Dominion Energy, Inc.	US	sp
Exelon Corporation	US	sp
American Electric Power Company, Inc.	US	sp
Xcel Energy Inc.	US	sp
Consolidated Edison, Inc.	US	sp
Colgate-Palmolive Company	US	sp
Kimberly-Clark Corporation	US	sp
General Mills, Inc.	US	sp
The Kraft Heinz Company	US	sp
Mondelez International, Inc.	US	sp
The Hershey Company	US	sp
Tyson Foods, Inc.	US	sp
Archer-Daniels-Midland Company	US	sp
Altria Group, Inc.	US	sp
Philip Morris International Inc.	US	sp
The Estée Lauder Companies Inc.	US	sp
Hasbro, Inc.	US	sp
Take-Two Interactive Software, Inc.	US	sp
Prologis, Inc.	US	sp
American Tower Corporation	US	sp
Equinix, Inc.	US	sp
Simon Property Group, Inc.	US	sp
S&P Global Inc.	US	sp
Moody's Corporation	US	sp
Nasdaq, Inc.	US	sp
Intercontinental Exchange, Inc.	US	sp
CME Group Inc.	US	sp
Aon plc	IE	sp
Marsh & McLennan Companies, Inc.	US	sp
Chubb Limited	CH	sp
The Progressive Corporation	US	sp
The Travelers Companies, Inc.	US	sp
The Allstate Corporation	US	sp
MetLife, Inc.	US	sp
Prudential Financial, Inc.	US	sp
Aflac Incorporated	US	sp
Waste Management, Inc.	US	sp
Republic Services, Inc.	US	sp
Cintas Corporation	US	sp
Automatic Data Processing, Inc.	US	sp
Paychex, Inc.	US	sp
Fiserv, Inc.	US	sp
Equifax Inc.	US	sp
Gartner, Inc.	US	sp
Accenture plc	IE	sp
International Business Machines Corporation	US	sp
Cognizant Technology Solutions Corporation	US	sp
Leidos Holdings, Inc.	US	sp
Jacobs Solutions Inc.	US	sp
Quanta Services, Inc.	US	sp
Rockwell Automation, Inc.	US	sp
Otis Worldwide Corporation	US	sp
Carrier Global Corporation	US	sp
Trane Technologies plc	IE	sp
Xylem Inc.	US	sp
Stanley Black & Decker, Inc.	US	sp
Snap-on Incorporated	US	sp
W. W. Grainger, Inc.	US	sp
Fastenal Company	US	sp
AutoZone, Inc.	US	sp
O'Reilly Automotive, Inc.	US	sp
Best Buy Co., Inc.	US	sp
Dollar General Corporation	US	sp
Ross Stores, Inc.	US	sp
Chipotle Mexican Grill, Inc.	US	sp
Yum! Brands, Inc.	US	sp
Domino's Pizza, Inc.	US	sp
Las Vegas Sands Corp.	US	sp
Wynn Resorts, Limited	US	sp
MGM Resorts International	US	sp
Royal Caribbean Cruises Ltd.	US	sp
Expedia Group, Inc.	US	sp
eBay Inc.	US	sp
Warner Bros. Discovery, Inc.	US	sp
Live Nation Entertainment, Inc.	US	sp
Zoetis Inc.	US	sp
Stryker Corporation	US	sp
Boston Scientific Corporation	US	sp
Edwards Lifesciences Corporation	US	sp
Intuitive Surgical, Inc.	US	sp
Becton, Dickinson and Company	US	sp
Baxter International Inc.	US	sp
Zimmer Biomet Holdings, Inc.	US	sp
ResMed Inc.	US	sp
Regeneron Pharmaceuticals, Inc.	US	sp
Vertex Pharmaceuticals Incorporated	US	sp
Biogen Inc.	US	sp
Moderna, Inc.	US	sp
Cardinal Health, Inc.	US	sp
McKesson Corporation	US	sp
HCA Healthcare, Inc.	US	sp
Humana Inc.	US	sp
The Cigna Group	US	sp
Quest Diagnostics Incorporated	US	sp
Agilent Technologies, Inc.	US	sp
Waters Corporation	US	sp
Mettler-Toledo International Inc.	US	sp
Charles River Laboratories International, Inc.	US	sp
Ametek, Inc.	US	sp
Arista Networks, Inc.	US	sp
Akamai Technologies, Inc.	US	sp
Ball Corporation	US	sp
Avery Dennison Corporation	US	sp
International Paper Company	US	sp
Weyerhaeuser Company	US	sp
Vulcan Materials Company	US	sp
Martin Marietta Materials, Inc.	US	sp
Textron Inc.	US	sp
Huntington Ingalls Industries, Inc.	US	sp
TransDigm Group Incorporated	US	sp
Howmet Aerospace Inc.	US	sp
Teledyne Technologies Incorporated	US	sp
Axon Enterprise, Inc.	US	sp
Toyota Motor Corporation	JP	f2k
Honda Motor Co., Ltd.	JP	f2k
Nissan Motor Co., Ltd.	JP	f2k
Sony Group Corporation	JP	f2k
Hitachi, Ltd.	JP	f2k
Toshiba Corporation	JP	f2k
Canon Inc.	JP	f2k
Panasonic Holdings Corporation	JP	f2k
Mitsubishi Corporation	JP	f2k
Mitsui & Co., Ltd.	JP	f2k
Sumitomo Corporation	JP	f2k
ITOCHU Corporation	JP	f2k
Marubeni Corporation	JP	f2k
Nippon Telegraph and Telephone Corporation	JP	f2k
KDDI Corporation	JP	f2k
Denso Corporation	JP	f2k
Bridgestone Corporation	JP	f2k
Fujitsu Limited	JP	f2k
NEC Corporation	JP	f2k
Kyocera Corporation	JP	f2k
Murata Manufacturing Co., Ltd.	JP	f2k
Shin-Etsu Chemical Co., Ltd.	JP	f2k
Takeda Pharmaceutical Company Limited	JP	f2k
Nintendo Co., Ltd.	JP	f2k
Kao Corporation	JP	f2k
Ajinomoto Co., Inc.	JP	f2k
Kirin Holdings Company, Limited	JP	f2k
Japan Tobacco Inc.	JP	f2k
Suzuki Motor Corporation	JP	f2k
Mazda Motor Corporation	JP	f2k
Seiko Epson Corporation	JP	f2k
Ricoh Company, Ltd.	JP	f2k
Sharp Corporation	JP	f2k
Nomura Holdings, Inc.	JP	f2k
ORIX Corporation	JP	f2k
Mizuho Financial Group, Inc.	JP	f2k
Sumitomo Mitsui Financial Group, Inc.	JP	f2k
Tokyo Electric Power Company Holdings, Inc.	JP	f2k
East Japan Railway Company	JP	f2k
Central Japan Railway Company	JP	f2k
Nippon Steel Corporation	JP	f2k
JFE Holdings, Inc.	JP	f2k
AGC Inc.	JP	f2k
Dai Nippon Printing Co., Ltd.	JP	f2k
Secom Co., Ltd.	JP	f2k
Yamato Holdings Co., Ltd.	JP	f2k
Mitsui O.S.K. Lines, Ltd.	JP	f2k
Nippon Yusen Kabushiki Kaisha	JP	f2k
Eisai Co., Ltd.	JP	f2k
Rohm Co., Ltd.	JP	f2k
Samsung Electronics Co., Ltd.	KR	f2k
Hyundai Motor Company	KR	f2k
Kia Corporation	KR	f2k
LG Electronics Inc.	KR	f2k
SK hynix Inc.	KR	f2k
POSCO Holdings Inc.	KR	f2k
Korea Electric Power Corporation	KR	f2k
KB Kookmin Bank	KR	f2k
Shinhan Financial Group Co., Ltd.	KR	f2k
Hana Financial Group Inc.	KR	f2k
Woori Financial Group Inc.	KR	f2k
KT Corporation	KR	f2k
Samsung SDI Co., Ltd.	KR	f2k
Industrial Bank of Korea	KR	f2k
BP p.l.c.	GB	f2k
Shell plc	GB	f2k
HSBC Holdings plc	GB	f2k
Barclays PLC	GB	f2k
Lloyds Banking Group plc	GB	f2k
NatWest Group plc	GB	f2k
Standard Chartered PLC	GB	f2k
Vodafone Group Plc	GB	f2k
BT Group plc	GB	f2k
GSK plc	GB	f2k
AstraZeneca PLC	GB	f2k
Unilever PLC	GB	f2k
Diageo plc	GB	f2k
Tesco PLC	GB	f2k
J Sainsbury plc	GB	f2k
Marks and Spencer Group plc	GB	f2k
Rolls-Royce Holdings plc	GB	f2k
BAE Systems plc	GB	f2k
Rio Tinto plc	GB	f2k
Anglo American plc	GB	f2k
Reckitt Benckiser Group plc	GB	f2k
British American Tobacco p.l.c.	GB	f2k
Legal & General Group Plc	GB	f2k
Aviva plc	GB	f2k
Compass Group PLC	GB	f2k
WPP plc	GB	f2k
Kingfisher plc	GB	f2k
Centrica plc	GB	f2k
National Grid plc	GB	f2k
Siemens AG	DE	f2k
BASF SE	DE	f2k
Bayer AG	DE	f2k
Allianz SE	DE	f2k
Deutsche Bank AG	DE	f2k
Commerzbank AG	DE	f2k
Deutsche Telekom AG	DE	f2k
Deutsche Post AG	DE	f2k
Volkswagen AG	DE	f2k
Bayerische Motoren Werke AG	DE	f2k
Mercedes-Benz Group AG	DE	f2k
SAP SE	DE	f2k
Infineon Technologies AG	DE	f2k
Münchener Rückversicherungs-Gesellschaft AG	DE	f2k
E.ON SE	DE	f2k
RWE AG	DE	f2k
Henkel AG & Co. KGaA	DE	f2k
Beiersdorf AG	DE	f2k
adidas AG	DE	f2k
Continental AG	DE	f2k
Deutsche Lufthansa AG	DE	f2k
thyssenkrupp AG	DE	f2k
Heidelberg Materials AG	DE	f2k
Merck KGaA	DE	f2k
TotalEnergies SE	FR	f2k
BNP Paribas SA	FR	f2k
Société Générale S.A.	FR	f2k
Crédit Agricole S.A.	FR	f2k
AXA SA	FR	f2k
L'Oréal S.A.	FR	f2k
LVMH Moët Hennessy Louis Vuitton SE	FR	f2k
Carrefour SA	FR	f2k
Danone S.A.	FR	f2k
Sanofi S.A.	FR	f2k
Airbus SE	FR	f2k
Safran S.A.	FR	f2k
Schneider Electric SE	FR	f2k
Compagnie de Saint-Gobain S.A.	FR	f2k
Vinci SA	FR	f2k
Bouygues SA	FR	f2k
Renault S.A.	FR	f2k
Compagnie Générale des Établissements Michelin	FR	f2k
Orange S.A.	FR	f2k
Veolia Environnement S.A.	FR	f2k
Air Liquide S.A.	FR	f2k
Pernod Ricard SA	FR	f2k
Accor SA	FR	f2k
Nestlé S.A.	CH	f2k
Novartis AG	CH	f2k
Roche Holding AG	CH	f2k
UBS Group AG	CH	f2k
Zurich Insurance Group AG	CH	f2k
Swiss Re AG	CH	f2k
ABB Ltd	CH	f2k
Holcim Ltd	CH	f2k
Swisscom AG	CH	f2k
Adecco Group AG	CH	f2k
Compagnie Financière Richemont SA	CH	f2k
STMicroelectronics N.V.	CH	f2k
ING Groep N.V.	NL	f2k
ABN AMRO Bank N.V.	NL	f2k
Koninklijke Philips N.V.	NL	f2k
Heineken N.V.	NL	f2k
Akzo Nobel N.V.	NL	f2k
ASML Holding N.V.	NL	f2k
Koninklijke KPN N.V.	NL	f2k
Banco Santander, S.A.	ES	f2k
Banco Bilbao Vizcaya Argentaria, S.A.	ES	f2k
Telefónica, S.A.	ES	f2k
Iberdrola, S.A.	ES	f2k
Repsol, S.A.	ES	f2k
Industria de Diseño Textil, S.A.	ES	f2k
Eni S.p.A.	IT	f2k
Enel S.p.A.	IT	f2k
UniCredit S.p.A.	IT	f2k
Intesa Sanpaolo S.p.A.	IT	f2k
Assicurazioni Generali S.p.A.	IT	f2k
Telecom Italia S.p.A.	IT	f2k
Leonardo S.p.A.	IT	f2k
Nokia Oyj	FI	f2k
Fortum Oyj	FI	f2k
UPM-Kymmene Oyj	FI	f2k
Stora Enso Oyj	FI	f2k
Telefonaktiebolaget LM Ericsson	SE	f2k
AB Volvo	SE	f2k
H & M Hennes & Mauritz AB	SE	f2k
Atlas Copco AB	SE	f2k
Sandvik AB	SE	f2k
AB Electrolux	SE	f2k
Nordea Bank Abp	FI	f2k
Equinor ASA	NO	f2k
Norsk Hydro ASA	NO	f2k
Telenor ASA	NO	f2k
DNB Bank ASA	NO	f2k
Novo Nordisk A/S	DK	f2k
A.P. Møller - Mærsk A/S	DK	f2k
Danske Bank A/S	DK	f2k
Erste Group Bank AG	AT	f2k
OMV Aktiengesellschaft	AT	f2k
Solvay SA	BE	f2k
Anheuser-Busch InBev SA/NV	BE	f2k
CRH plc	IE	f2k
Bank of Ireland Group plc	IE	f2k
EDP - Energias de Portugal, S.A.	PT	f2k
National Bank of Greece S.A.	GR	f2k
Türkiye İş Bankası A.Ş.	TR	f2k
Hacı Ömer Sabancı Holding A.Ş.	TR	f2k
Royal Bank of Canada	CA	f2k
The Toronto-Dominion Bank	CA	f2k
The Bank of Nova Scotia	CA	f2k
Bank of Montreal	CA	f2k
Canadian Imperial Bank of Commerce	CA	f2k
Manulife Financial Corporation	CA	f2k
Sun Life Financial Inc.	CA	f2k
Enbridge Inc.	CA	f2k
Suncor Energy Inc.	CA	f2k
Canadian National Railway Company	CA	f2k
Magna International Inc.	CA	f2k
Bombardier Inc.	CA	f2k
Thomson Reuters Corporation	CA	f2k
BCE Inc.	CA	f2k
Commonwealth Bank of Australia	AU	f2k
Westpac Banking Corporation	AU	f2k
National Australia Bank Limited	AU	f2k
Telstra Group Limited	AU	f2k
Woolworths Group Limited	AU	f2k
Wesfarmers Limited	AU	f2k
Qantas Airways Limited	AU	f2k
BHP Group Limited	AU	f2k
Reliance Industries Limited	IN	f2k
State Bank of India	IN	f2k
Indian Oil Corporation Limited	IN	f2k
Bharat Petroleum Corporation Limited	IN	f2k
Oil and Natural Gas Corporation Limited	IN	f2k
Petróleo Brasileiro S.A. - Petrobras	BR	f2k
Vale S.A.	BR	f2k
Banco Bradesco S.A.	BR	f2k
Banco do Brasil S.A.	BR	f2k
Itaú Unibanco Holding S.A.	BR	f2k
Centrais Elétricas Brasileiras S.A. - Eletrobras	BR	f2k
América Movil, S.A.B. de C.V.	MX	f2k
Cemex, S.A.B. de C.V.	MX	f2k
Grupo Modelo, S.A.B. de C.V.	MX	f2k
Taiwan Semiconductor Manufacturing Company Limited	TW	f2k
Hon Hai Precision Industry Co., Ltd.	TW	f2k
Chunghwa Telecom Co., Ltd.	TW	f2k
Nan Ya Plastics Corporation	TW	f2k
China Steel Corporation	TW	f2k
Cathay Financial Holding Co., Ltd.	TW	f2k
Fubon Financial Holding Co., Ltd.	TW	f2k
DBS Group Holdings Ltd	SG	f2k
Oversea-Chinese Banking Corporation Limited	SG	f2k
United Overseas Bank Limited	SG	f2k
Singapore Telecommunications Limited	SG	f2k
Singapore Airlines Limited	SG	f2k
Malayan Banking Berhad	MY	f2k
Tenaga Nasional Berhad	MY	f2k
PTT Public Company Limited	TH	f2k
PT Bank Mandiri (Persero) Tbk	ID	f2k
PT Telkom Indonesia (Persero) Tbk	ID	f2k
Standard Bank Group Limited	ZA	f2k
FirstRand Limited	ZA	f2k
Sasol Limited	ZA	f2k
Teva Pharmaceutical Industries Ltd.	IL	f2k
Sun Hung Kai Properties Limited	HK	f2k
CLP Holdings Limited	HK	f2k
Cathay Pacific Airways Limited	HK	f2k
Swire Pacific Limited	HK	f2k
MTR Corporation Limited	HK	f2k
China Merchants Bank Co., Ltd.	CN	f2k
Baoshan Iron & Steel Co., Ltd.	CN	f2k
China Life Insurance Company Limited	CN	f2k
Tencent Holdings Limited	CN	own
Alibaba Group Holding Limited	CN	own
Baidu, Inc.	CN	own
JD.com, Inc.	CN	own
Meituan	CN	own
NetEase, Inc.	CN	own
PDD Holdings Inc.	CN	own
Xiaomi Corporation	CN	own
BYD Company Limited	CN	own
Lenovo Group Limited	CN	own
Contemporary Amperex Technology Co., Limited	CN	own
Haier Smart Home Co., Ltd.	CN	own
Midea Group Co., Ltd.	CN	own
Gree Electric Appliances, Inc. of Zhuhai	CN	own
Ping An Insurance (Group) Company of China, Ltd.	CN	own
Industrial and Commercial Bank of China Limited	CN	own
China Construction Bank Corporation	CN	own
Agricultural Bank of China Limited	CN	own
Bank of China Limited	CN	own
Kweichow Moutai Co., Ltd.	CN	own
ANTA Sports Products Limited	CN	own
Li Ning Company Limited	CN	own
Geely Automobile Holdings Limited	CN	own
Great Wall Motor Company Limited	CN	own
NIO Inc.	CN	own
XPeng Inc.	CN	own
Li Auto Inc.	CN	own
BOE Technology Group Co., Ltd.	CN	own
TCL Technology Group Corporation	CN	own
Trip.com Group Limited	CN	own
Luxshare Precision Industry Co., Ltd.	CN	own
Sunny Optical Technology (Group) Company Limited	CN	own
Anhui Conch Cement Company Limited	CN	own
China Yangtze Power Co., Ltd.	CN	own
China Mengniu Dairy Company Limited	CN	own
Wuliangye Yibin Co., Ltd.	CN	own
Tsingtao Brewery Company Limited	CN	own
Shenzhou International Group Holdings Limited	CN	own
CK Hutchison Holdings Limited	HK	own
Inner Mongolia Yili Industrial Group Co., Ltd.	CN	own
Foshan Haitian Flavouring and Food Company Ltd.	CN	own
Hengrui Medicine (Jiangsu Hengrui Pharmaceuticals Co., Ltd.)	CN	own
WuXi AppTec Co., Ltd.	CN	own
Mindray Bio-Medical Electronics Co., Ltd.	CN	own
East Money Information Co., Ltd.	CN	own
Tata Consultancy Services Limited	IN	own
Tata Motors Limited	IN	own
Tata Steel Limited	IN	own
Infosys Limited	IN	own
Wipro Limited	IN	own
HCL Technologies Limited	IN	own
HDFC Bank Limited	IN	own
ICICI Bank Limited	IN	own
Axis Bank Limited	IN	own
Larsen & Toubro Limited	IN	own
Mahindra & Mahindra Limited	IN	own
Bajaj Auto Limited	IN	own
Maruti Suzuki India Limited	IN	own
Sun Pharmaceutical Industries Limited	IN	own
Dr. Reddy's Laboratories Limited	IN	own
Bharti Airtel Limited	IN	own
ITC Limited	IN	own
Hindustan Unilever Limited	IN	own
Asian Paints Limited	IN	own
Titan Company Limited	IN	own
Ambev S.A.	BR	own
Embraer S.A.	BR	own
WEG S.A.	BR	own
Natura &Co Holding S.A.	BR	own
JBS S.A.	BR	own
Suzano S.A.	BR	own
Gerdau S.A.	BR	own
Grupo Bimbo, S.A.B. de C.V.	MX	own
Fomento Económico Mexicano, S.A.B. de C.V.	MX	own
MercadoLibre, Inc.	UY	own
Falabella S.A.	CL	own
Corporación Nacional del Cobre de Chile	CL	own
MediaTek Inc.	TW	own
ASUSTeK Computer Inc.	TW	own
Acer Incorporated	TW	own
Naver Corporation	KR	own
Kakao Corp.	KR	own
LG Chem, Ltd.	KR	own
Lotte Corporation	KR	own
CJ CheilJedang Corporation	KR	own
Hanwha Aerospace Co., Ltd.	KR	own
Shopify Inc.	CA	own
Macquarie Group Limited	AU	own
CSL Limited	AU	own
Fortescue Ltd	AU	own
Spotify Technology S.A.	SE	own
Vestas Wind Systems A/S	DK	own
Carlsberg A/S	DK	own
Kone Oyj	FI	own
Ryanair Holdings plc	IE	own
Ferrari N.V.	IT	own
Stellantis N.V.	NL	own
Kering SA	FR	own
Hermès International S.A.	FR	own
Dassault Systèmes SE	FR	own
Capgemini SE	FR	own
Naspers Limited	ZA	own
MTN Group Limited	ZA	own
Check Point Software Technologies Ltd.	IL	own
Saudi Arabian Oil Company	SA	own
Qatar National Bank (Q.P.S.C.)	QA	own
Petroliam Nasional Berhad	MY	own
Grab Holdings Limited	SG	own
Sea Limited	SG	own
Jollibee Foods Corporation	PH	own
Ayala Corporation	PH	own
Vingroup Joint Stock Company	VN	own
Kaspi.kz Joint Stock Company	KZ	own
Polski Koncern Naftowy ORLEN S.A.	PL	own
CD Projekt S.A.	PL	own
Škoda Auto a.s.	CZ	own
MOL Magyar Olaj- és Gázipari Nyrt.	HU	own
Arçelik A.Ş.	TR	own
Türk Hava Yolları A.O.	TR	own
Koç Holding A.Ş.	TR	own
Orascom Construction PLC	EG	own
Dangote Cement Plc	NG	own
Safaricom PLC	KE	own
Ethiopian Airlines Group	ET	own
Emirates Telecommunications Group Company PJSC	AE	own
DP World Limited	AE	own
Emaar Properties PJSC	AE	own
"""

# query <TAB> country <TAB> the word it shares with a listed name
SHARED_WORD = """
Apple Inc.	US	apple
Oracle Corporation	US	oracle
Target Corporation	US	target
Shell plc	GB	shell
Orange S.A.	FR	orange
Caterpillar Inc.	US	caterpillar
Tesla, Inc.	US	tesla
Puma SE	DE	puma
Mercury General Corporation	US	mercury
Phoenix Group Holdings plc	GB	phoenix
Delta Air Lines, Inc.	US	delta
Alpha Bank S.A.	GR	alpha
Star Bulk Carriers Corp.	GR	star
Panda Restaurant Group, Inc.	US	panda
Lotus Cars Limited	GB	lotus
Guangzhou Pearl River Piano Group Co., Ltd.	CN	pearl
Crown Holdings, Inc.	US	crown
Royal Mail plc	GB	royal
Golden Agri-Resources Ltd	SG	golden
Pacific Basin Shipping Limited	HK	pacific
Virgin Atlantic Airways Limited	GB	atlantic
Nova Chemicals Corporation	CA	nova
Apex Tool Group, LLC	US	apex
Zenith Bank Plc	NG	zenith
Vista Outdoor Inc.	US	vista
Fortune Brands Innovations, Inc.	US	fortune
Titan Company Limited	IN	titan
Atlas Copco AB	SE	atlas
Orion Oyj	FI	orion
Aurora Cannabis Inc.	CA	aurora
Galaxy Entertainment Group Limited	HK	galaxy
Quantum Corporation	US	quantum
Unity Software Inc.	US	unity
Harmony Gold Mining Company Limited	ZA	harmony
Liberty Global plc	GB	liberty
Pioneer Corporation	JP	pioneer
Frontier Airlines, Inc.	US	frontier
The Vanguard Group, Inc.	US	vanguard
Diamond Offshore Drilling, Inc.	US	diamond
Crystal Cruises, LLC	US	crystal
Silver Lake Partners	US	silver
Platinum Equity, LLC	US	platinum
Tiger Brands Limited	ZA	tiger
Lion Corporation	JP	lion
Fox Corporation	US	fox
Raven Industries, Inc.	US	raven
Condor Flugdienst GmbH	DE	condor
Dolphin Entertainment, Inc.	US	dolphin
Maple Leaf Foods Inc.	CA	maple
Ocean Network Express Pte. Ltd.	SG	ocean
Sky UK Limited	GB	sky
Continental AG	DE	continental
Cobra Beer Partnership Limited	GB	cobra
Pegasus Hava Taşımacılığı A.Ş.	TR	pegasus
Hermès International S.A.	FR	hermes
Apollo Global Management, Inc.	US	apollo
Mars, Incorporated	US	mars
Jupiter Fund Management plc	GB	jupiter
Triton International Limited	BM	triton
Everest Group, Ltd.	BM	everest
Genesis Energy, L.P.	US	genesis
Punto Fa, S.L. (Mango)	ES	mango
Granite Construction Incorporated	US	granite
Silicon Laboratories Inc.	US	silicon
Citadel LLC	US	citadel
Tower Semiconductor Ltd.	IL	tower
Harbour Energy plc	GB	harbour
Spark New Zealand Limited	NZ	spark
Rocket Lab USA, Inc.	US	rocket
First Solar, Inc.	US	solar
Proton Holdings Berhad	MY	proton
Nano Dimension Ltd.	IL	nano
Super Micro Computer, Inc.	US	super
Bright Horizons Family Solutions Inc.	US	bright
Clear Channel Outdoor Holdings, Inc.	US	clear
Pure Storage, Inc.	US	pure
Fresh Del Monte Produce Inc.	US	fresh
Blue Origin, LLC	US	blue
Red Bull GmbH	AT	red
White Castle System, Inc.	US	white
Eagle Materials Inc.	US	eagle
Sun Country Airlines Holdings, Inc.	US	sun
Sirius XM Holdings Inc.	US	sirius
Polaris Inc.	US	polaris
Summit Materials, Inc.	US	summit
Triumph Motorcycles Ltd	GB	triumph
Alphabet Inc.	US	alphabet
Moderna, Inc.	US	moderna
Accenture plc	IE	accenture
BlackRock, Inc.	US	black rock
Ping An Insurance (Group) Company of China, Ltd.	CN	ping an
Sasol Limited	ZA	sasol
Linde plc	IE	linde
Roche Holding AG	CH	roche
Schneider Electric SE	FR	schneider
Safran S.A.	FR	safran
Allianz SE	DE	allianz
AGC Inc.	JP	agc
Sony Group Corporation	JP	sony
Nomura Holdings, Inc.	JP	nomura
Kia Corporation	KR	kia
Leonardo S.p.A.	IT	leonardo
NEC Corporation	JP	nec
KT Corporation	KR	kt
GSK plc	GB	gsk
BP p.l.c.	GB	bp
Sharp Corporation	JP	sharp
Ferrari N.V.	IT	ferrari
Ayala Corporation	PH	ayala
Tata Steel Limited	IN	tata
Maruti Suzuki India Limited	IN	maruti
Foshan Haitian Flavouring and Food Company Ltd.	CN	haitian
Sun Life Financial Inc.	CA	sun
China Yangtze Power Co., Ltd.	CN	yangtze
Hyundai Motor Company	KR	hyundai
Nippon Yusen Kabushiki Kaisha	JP	nippon
Emirates NBD Bank PJSC	AE	emirates
Kingfisher plc	GB	kingfisher
Jade Global, Inc.	US	jade
Atlantic Richfield Company	US	atlantic
Dragon Oil Limited	AE	dragon
Mitsubishi Heavy Industries, Ltd.	JP	mitsubishi
The Star Entertainment Group Limited	AU	star
Golden Goose S.p.A.	IT	golden
Royal Canin SAS	FR	royal
American Eagle Outfitters, Inc.	US	eagle
Falcon Oil & Gas Ltd.	IE	falcon
Atlas Air Worldwide Holdings, Inc.	US	atlas
Delta Electronics, Inc.	TW	delta
Alpha Metallurgical Resources, Inc.	US	alpha
Ocean Spray Cranberries, Inc.	US	ocean
Pacific Gas and Electric Company	US	pacific
Crystal Palace Football Club Limited	GB	crystal
Diamond Foods, LLC	US	diamond
Silver Airways, LLC	US	silver
SKY Perfect JSAT Holdings Inc.	JP	sky
Blue Bell Creameries, L.P.	US	blue
Red Hat, Inc.	US	red
White Mountains Insurance Group, Ltd.	BM	white
Saturn Oil & Gas Inc.	CA	saturn
Mercury Systems, Inc.	US	mercury
PHOENIX Pharmahandel GmbH & Co KG	DE	phoenix
Titan International, Inc.	US	titan
Pioneer Natural Resources Company	US	pioneer
Citadel Securities LLC	US	citadel
Fox Factory Holding Corp.	US	fox
Lotus Bakeries NV	BE	lotus
Liberty Mutual Insurance Company	US	liberty
Vanguard Health Systems, Inc.	US	vanguard
Orion Energy Systems, Inc.	US	orion
"""

# query <TAB> country  (own knowledge)
REAL_PERSON = """
Yao Ming	CN
Li Na	CN
Lang Ping	CN
Tu Youyou	CN
Yang Chen-Ning	CN
Mo Yan	CN
Liu Cixin	CN
Eileen Gu	US
Zhang Yimou	CN
Jackie Chan	HK
Ding Liren	CN
Lin Dan	CN
Zhu Ting	CN
Ma Long	CN
Fan Zhendong	CN
Zheng Qinwen	CN
Guo Jingjing	CN
Liu Xiang	CN
Deng Yaping	CN
Yuan Longping	CN
Zhong Nanshan	CN
Ma Huateng	CN
Lei Jun	CN
Robin Li Yanhong	CN
Zhang Yiming	CN
Wang Chuanfu	CN
Ren Zhengfei	CN
Meng Wanzhou	CN
Ai Weiwei	CN
Gong Li	CN
Tan Dun	CN
Lang Lang	CN
Yo-Yo Ma	US
Chien-Shiung Wu	US
Shing-Tung Yau	US
Terence Tao	US
Fei-Fei Li	US
Andrew Ng	US
Jensen Huang	US
Lisa Su	US
Morris Chang	TW
Tsai Ing-wen	TW
Ang Lee	TW
Jay Chou	TW
Wong Kar-wai	HK
Li Ka-shing	HK
Chow Yun-fat	HK
姚明	CN
莫言	CN
屠呦呦	CN
刘慈欣	CN
郎平	CN
张艺谋	CN
Garry Kasparov	RU
Maria Sharapova	RU
Daniil Medvedev	RU
Alexander Ovechkin	RU
Anna Netrebko	RU
Yuri Gagarin	RU
Dmitri Mendeleev	RU
Leo Tolstoy	RU
Fyodor Dostoevsky	RU
Andrey Rublev	RU
Alina Zagitova	RU
Evgeni Malkin	RU
Svetlana Kuznetsova	RU
Grigori Perelman	RU
Mikhail Gorbachev	RU
Boris Spassky	RU
Vladimir Nabokov	US
Sergey Brin	US
Natalia Vodianova	RU
Alexander Zverev	DE
Ilya Sutskever	IL
Yevgeny Kafelnikov	RU
Valentina Tereshkova	RU
Pyotr Ilyich Tchaikovsky	RU
Rudolf Nureyev	RU
Mikhail Baryshnikov	US
Andrei Sakharov	RU
Alexei Leonov	RU
Kirill Kaprizov	RU
Nikita Kucherov	RU
Anastasia Pavlyuchenkova	RU
Юрий Алексеевич Гагарин	RU
Мария Шарапова	RU
Лев Николаевич Толстой	RU
Дмитрий Иванович Менделеев	RU
Volodymyr Zelenskyy	UA
Andriy Shevchenko	UA
Vitali Klitschko	UA
Oleksandr Usyk	UA
Elina Svitolina	UA
Sergey Bubka	UA
Svetlana Alexievich	BY
Aryna Sabalenka	BY
Victoria Azarenka	BY
Mohamed Salah	EG
Naguib Mahfouz	EG
Ahmed Zewail	EG
Omar Sharif	EG
Riyad Mahrez	DZ
Achraf Hakimi	MA
Hakim Ziyech	MA
Ons Jabeur	TN
Zaha Hadid	GB
Amr Diab	EG
Mohamed Elneny	EG
Youssef En-Nesyri	MA
Rania Al-Yassin	JO
Nancy Ajram	LB
Fairuz	LB
Khalil Gibran	LB
Mahmoud Darwish	PS
Adonis Ali Ahmad Said Esber	SY
Hisham Matar	LY
Sheikh Hasina Wajed	BD
Malala Yousafzai	PK
Imran Khan	PK
Wasim Akram	PK
Abdul Sattar Edhi	PK
محمد صلاح	EG
نجيب محفوظ	EG
أحمد زويل	EG
Asghar Farhadi	IR
Shirin Ebadi	IR
Maryam Mirzakhani	IR
Cumrun Vafa	US
Anousheh Ansari	US
Abbas Kiarostami	IR
Golshifteh Farahani	FR
Ali Daei	IR
Narges Mohammadi	IR
Kimia Alizadeh	DE
Jafar Panahi	IR
Marjane Satrapi	FR
Omid Kordestani	US
Dara Khosrowshahi	US
Firouz Naderi	US
Lotfi Asker Zadeh	US
Hossein Rezazadeh	IR
Alireza Firouzja	FR
Googoosh	IR
Shahram Nazeri	IR
اصغر فرهادی	IR
مریم میرزاخانی	IR
شیرین عبادی	IR
Taylor Swift	US
Lionel Messi	AR
Cristiano Ronaldo	PT
Serena Williams	US
Roger Federer	CH
Rafael Nadal	ES
Angela Merkel	DE
Emmanuel Macron	FR
Barack Obama	US
Oprah Winfrey	US
Warren Buffett	US
Bill Gates	US
Elon Musk	US
Tim Berners-Lee	GB
Jennifer Doudna	US
Katalin Karikó	HU
Demis Hassabis	GB
Geoffrey Hinton	CA
Yann LeCun	FR
Marie Curie	FR
Albert Einstein	DE
Jacinda Ardern	NZ
Sachin Tendulkar	IN
Virat Kohli	IN
Shah Rukh Khan	IN
Priyanka Chopra	IN
Sundar Pichai	US
Satya Nadella	US
Ratan Naval Tata	IN
A. P. J. Abdul Kalam	IN
Amartya Sen	IN
Srinivasa Ramanujan	IN
Lata Mangeshkar	IN
Neeraj Chopra	IN
Kiran Mazumdar-Shaw	IN
Shohei Ohtani	JP
Naomi Osaka	JP
Haruki Murakami	JP
Hayao Miyazaki	JP
Akira Kurosawa	JP
Ichiro Suzuki	JP
Yoshinori Ohsumi	JP
Shinya Yamanaka	JP
Masayoshi Son	JP
Yuzuru Hanyu	JP
大谷翔平	JP
村上春樹	JP
宮崎駿	JP
Son Heung-min	KR
Kim Yuna	KR
Bong Joon-ho	KR
Lee Kun-hee	KR
Ban Ki-moon	KR
Park Ji-sung	KR
Han Kang	KR
손흥민	KR
봉준호	KR
김연아	KR
Wangari Maathai	KE
Chinua Achebe	NG
Nelson Mandela	ZA
Didier Drogba	CI
Sadio Mané	SN
Kofi Annan	GH
Ngozi Okonjo-Iweala	NG
Eliud Kipchoge	KE
Wole Soyinka	NG
Gabriel García Márquez	CO
Edson Arantes do Nascimento	BR
Neymar da Silva Santos Júnior	BR
Frida Kahlo	MX
Shakira Isabel Mebarak Ripoll	CO
Jorge Luis Borges	AR
Luiz Inácio Lula da Silva	BR
Ayrton Senna	BR
Isabel Allende	CL
Guillermo del Toro	MX
Orhan Pamuk	TR
Aziz Sancar	TR
Hidayat Turkoglu	TR
Tarkan Tevetoğlu	TR
Arda Güler	TR
Greta Thunberg	SE
Zlatan Ibrahimović	SE
Magnus Carlsen	NO
Erling Haaland	NO
Novak Djokovic	RS
Luka Modrić	HR
Robert Lewandowski	PL
Olga Tokarczuk	PL
Václav Havel	CZ
Nikola Jokić	RS
"""

# query  (hand-made)
GENERIC_ONLY = """
Global Trading Company Limited
United Industrial Services LLC
International Business Solutions Inc.
General Engineering Works Private Limited
National Supply Corporation
Universal Logistics Services Ltd.
Premier Consulting Group LLC
Allied Technical Services Inc.
Central Import and Export Co., Ltd.
Modern Electrical Contractors LLC
Advanced Manufacturing Solutions Ltd.
Pacific Trading Corporation
Eastern Construction Company
Standard Machinery Works Ltd.
First Commercial Holdings Limited
Integrated Engineering Services Pte. Ltd.
Prime Industrial Supplies LLC
Superior Metal Products Inc.
Quality Auto Parts Trading LLC
Reliable Cargo Services Ltd.
General Trading & Contracting Co. W.L.L.
International Freight Forwarders Ltd.
Professional Security Services LLC
Industrial Chemicals Trading Co.
Continental Food Products Inc.
Atlantic Marine Services Ltd.
Royal Textile Mills Limited
Metropolitan Property Management LLC
Northern Electric Supply Co.
Southern Plastics Industries Ltd.
Western Steel Fabricators Inc.
Technical Equipment Supply Company
Global Energy Solutions Ltd.
United Medical Supplies Co., Ltd.
Network Systems Integration Ltd.
Advanced Materials Corporation
Precision Tools Manufacturing Co.
General Import Export Trading LLC
International Consulting Engineers Ltd.
Star Logistics and Shipping LLC
Digital Solutions Group Inc.
Industrial Automation Services Pvt. Ltd.
Overseas Trading Enterprises Limited
Green Energy Technologies Co., Ltd.
National Distribution Company
Federal Supply Services Inc.
Marine Engineering and Trading Co.
Consolidated Industries Holdings
Commercial Vehicle Parts Ltd.
Unified Communications Services LLC
Electronic Components Distribution Ltd.
Building Materials Trading Co. L.L.C.
Modern Pharmaceutical Industries Co.
International Petroleum Services Ltd.
Strategic Investment Partners LLC
Capital Asset Management Ltd.
Mechanical and Electrical Works Co.
Worldwide Express Cargo Ltd.
Industrial Gases Supply Company
Total Logistics Solutions Inc.
Universal Electronics Trading LLC
Alpha Engineering Services Ltd.
Smart Technology Systems Co., Ltd.
Sunrise Trading Company
Golden Star General Trading LLC
New Century Industrial Co., Ltd.
Asia Pacific Resources Limited
Euro Machinery Trading GmbH
Oriental Commerce Co., Ltd.
Prosperity Holdings Limited
"""

# query <TAB> country <TAB> listed 2-3 letter alias it contains
SHORT_ALIAS = """
Broadcast Music, Inc. (BMI)	US	BMI
ICI Pakistan Limited	PK	ICI
IEI Integration Corp.	TW	IEI
Massachusetts Institute of Technology (MIT)	US	MIT
Research In Motion Limited (RIM)	CA	RIM
IG Group Holdings plc	GB	IG
AAH Pharmaceuticals Limited	GB	AAH
ADF Group Inc.	CA	ADF
CEC Entertainment, LLC	US	CEC
CSC Financial Co., Ltd.	CN	CSC
HMC Architects, Inc.	US	HMC
PCL Construction Enterprises, Inc.	US	PCL
ANA Holdings Inc.	JP	ANA
Ace Hardware Corporation	US	ACE
AFC Ajax N.V.	NL	AFC
ARK Investment Management LLC	US	ARK
HTC Corporation	TW	HTC
JTB Corp.	JP	JTB
LEO Pharma A/S	DK	LEO
MSC Mediterranean Shipping Company S.A.	CH	MSC
MPC Capital AG	DE	MPC
PPL Electric Utilities Corporation	US	PPL
SAI Global Pty Limited	AU	SAI
SIG Group AG	CH	SIG
TCL Technology Group Corporation	CN	TCL
UPC Polska Sp. z o.o.	PL	UPC
NCC Group plc	GB	NCC
DMC Global Inc.	US	DMC
AIT Worldwide Logistics, Inc.	US	AIT
ECI Telecom Ltd.	IL	ECI
SMC Corporation	JP	SMC
Universal Music Group N.V. (UMG)	NL	UMG
GLS General Logistics Systems B.V.	NL	GLS
The PNC Financial Services Group, Inc.	US	PNC
MOD Super Fast Pizza, LLC	US	MOD
IG Markets Limited	GB	IG
All Nippon Airways (ANA) Co., Ltd.	JP	ANA
JTB Americas, Ltd.	US	JTB
SMC Corporation of America	US	SMC
SIG Combibloc Group AG	CH	SIG
HTC America, Inc.	US	HTC
"""

# query <TAB> country <TAB> city/province word
SAME_CITY = """
Shenzhen Sunflower Toys Co., Ltd.	CN	Shenzhen
Shenzhen Maplewood Kitchenware Co., Ltd.	CN	Shenzhen
Guangzhou Sunflower Garments Co., Ltd.	CN	Guangzhou
Guangzhou Evergreen Furniture Co., Ltd.	CN	Guangzhou
Shanghai Riverside Bakery Co., Ltd.	CN	Shanghai
Shanghai Peony Cosmetics Co., Ltd.	CN	Shanghai
Beijing Hutong Teahouse Co., Ltd.	CN	Beijing
Beijing Duckling Catering Management Co., Ltd.	CN	Beijing
Tianjin Crabapple Seafood Products Co., Ltd.	CN	Tianjin
Chengdu Mapo Tofu Hotpot Restaurant Co., Ltd.	CN	Chengdu
Wuhan Osmanthus Travel Agency Co., Ltd.	CN	Wuhan
Hangzhou Lakeview Silk Scarves Co., Ltd.	CN	Hangzhou
Xiamen Seashell Handicrafts Co., Ltd.	CN	Xiamen
Ningbo Pencilcase Stationery Co., Ltd.	CN	Ningbo
Dalian Kelp Fisheries Co., Ltd.	CN	Dalian
Qingdao Dumpling House Foods Co., Ltd.	CN	Qingdao
Suzhou Waterlily Embroidery Co., Ltd.	CN	Suzhou
Xi'an Terracotta Souvenirs Co., Ltd.	CN	Xi'an
Harbin Snowflake Ice Cream Co., Ltd.	CN	Harbin
Nanjing Inkstone Bookstore Co., Ltd.	CN	Nanjing
Hefei Meadowlark Dairy Co., Ltd.	CN	Hefei
Changsha Chili Pepper Kitchen Catering Co., Ltd.	CN	Changsha
Urumqi Grape Valley Dried Fruit Co., Ltd.	CN	Urumqi
Hong Kong Wonton Noodle House Limited	HK	Hong Kong
Tehran Pistachio Confectionery Co.	IR	Tehran
Tehran Pomegranate Kindergarten	IR	Tehran
Isfahan Handmade Carpets Workshop	IR	Isfahan
Mashhad Barberry Farmers Cooperative	IR	Mashhad
Moscow Riverside Bakery LLC	RU	Moscow
Moscow Ballet Costume Workshop LLC	RU	Moscow
St. Petersburg Drawbridge Boat Tours LLC	RU	St. Petersburg
Novosibirsk Birch Furniture LLC	RU	Novosibirsk
Minsk Linen Home Textiles LLC	BY	Minsk
Dubai Camel Milk Chocolates LLC	AE	Dubai
Dubai Frankincense Perfumes Trading LLC	AE	Dubai
Sharjah Family Bakery LLC	AE	Sharjah
Istanbul Pottery Ceramics Ltd. Şti.	TR	Istanbul
Damascus Pistachio Sweets Company	SY	Damascus
Karachi Cotton Apparel (Pvt.) Ltd.	PK	Karachi
Caracas Arepa Kitchen C.A.	VE	Caracas
Almaty Apricot Orchard LLP	KZ	Almaty
Yerevan Apricot Brandy Cellar LLC	AM	Yerevan
"""


def _rows(block: str, width: int) -> list[list[str]]:
    out = []
    for line in block.strip("\n").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (width - len(parts))
        out.append(parts[:width])
    return out


def _strip(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return " ".join(w for w in utils.default_process(s).split() if w not in LEGAL and len(w) > 1)


class Lists:
    """The bundled lists: current entries (for ids) and every name ever listed (for checks)."""

    def __init__(self) -> None:
        rd = load_regdata()
        self.current = {lst.entry.id: lst.entry for lst in rd.lists.as_of(None)}
        names: list[str] = []
        owners: list[str] = []
        seen = set()
        entries = list(self.current.values())
        for hid in rd.lists.histories:
            listing = rd.lists.listing(hid)
            if listing is not None:
                entries.append(listing.entry)
        for e in entries:
            for n in [e.name, *e.aliases]:
                if (e.id, n) in seen or not n:
                    continue
                seen.add((e.id, n))
                names.append(n)
                owners.append(e.id if e.id in self.current else e.id + " (former)")
        self.names, self.owners = names, owners
        self.stripped = [_strip(n) for n in names]
        self.exact = defaultdict(set)
        for n, o in zip(self.stripped, owners, strict=True):
            self.exact[n].add(o)

    def top(
        self, query: str, scorer: Callable[..., float] = fuzz.token_set_ratio, k: int = 1
    ) -> list[tuple[str, str, int]]:
        res = process.extract(_strip(query), self.stripped, scorer=scorer, limit=k, processor=None)
        return [(self.names[i], self.owners[i], round(s)) for _, s, i in res]

    def with_word(self, word: str) -> list[tuple[str, str]]:
        w = " " + utils.default_process(word) + " "
        return [
            (n, o)
            for n, o in zip(self.names, self.owners, strict=True)
            if not o.endswith("(former)") and w in " " + utils.default_process(n) + " "
        ]


def build_positives(lists: Lists) -> list[dict[str, str]]:
    rows = []
    for kind, query, ids, exclude, group, note in _rows(POSITIVES, 6):
        idl = ids.split("|")
        missing = [i for i in idl if i not in lists.current]
        if missing:
            sys.exit(f"unknown id(s) {missing} for {query!r}")
        e = lists.current[idl[0]]
        if kind.startswith("alias") and exclude not in [e.name, *e.aliases]:
            sys.exit(f"exclude {exclude!r} is not a name of {idl[0]}")
        rows.append(
            {
                "kind": kind,
                "query": query,
                "expected_ids": ids,
                "expected_name": e.name,
                "list": e.list,
                "type": e.type or "",
                "country": (e.countries or [""])[0],
                "exclude": exclude,
                "group": group,
                "note": note,
            }
        )
    return rows


def _near_listed(lists: Lists, query: str, thr: int) -> str | None:
    s = _strip(query)
    if s in lists.exact:
        return f"normalises to a listed name ({sorted(lists.exact[s])[0]})"
    ((name, owner, score),) = lists.top(query, scorer=fuzz.token_sort_ratio)
    if score >= thr:
        return f"token_sort_ratio {score} to listed {name!r} [{owner}]"
    return None


def _dev_queries() -> set[str]:
    root = OUT.parent.parent.parent.parent
    seen: set[str] = set()
    for rel in DEV_SETS:
        path = root / rel
        if not path.exists():
            continue
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as fh:
                seen |= {row["query"].casefold() for row in csv.DictReader(fh)}
        else:
            seen |= {ln.strip().casefold() for ln in path.read_text(encoding="utf-8").splitlines()}
    return seen


def build_negatives(lists: Lists) -> tuple[list[dict[str, str]], list[tuple[str, str, str]]]:
    out: list[dict[str, str]] = []
    dropped: list[tuple[str, str, str]] = []
    taken: set[str] = set()
    dev = _dev_queries()

    def add(kind: str, query: str, typ: str, country: str, note: str, thr: int = 92) -> bool:
        if query in taken:
            return False
        if query.casefold() in dev:
            dropped.append((kind, query, "also in the engine's development negatives"))
            return False
        why = MANUAL_DROP.get(query) or _near_listed(lists, query, thr)
        if why:
            dropped.append((kind, query, why))
            return False
        taken.add(query)
        out.append({"kind": kind, "query": query, "type": typ, "country": country, "note": note})
        return True

    def top_note(q: str) -> str:
        ((n1, o1, s1),) = lists.top(q)
        ((n2, o2, s2),) = lists.top(q, scorer=fuzz.token_sort_ratio)
        return f"brute-force top: token_set {n1} [{o1}] {s1}; token_sort {n2} [{o2}] {s2}"

    # shared_word first: famous unlisted companies sharing one distinctive word with a listing.
    for query, country, word in _rows(SHARED_WORD, 3):
        hits = lists.with_word(word)
        if not hits:
            dropped.append(("shared_word", query, f"no current listed name contains {word!r}"))
            continue
        best = max(hits, key=lambda h: fuzz.token_set_ratio(_strip(query), _strip(h[0])))
        add(
            "shared_word",
            query,
            "entity",
            country,
            f"shares '{word}' with listed {best[0]} [{best[1]}]; {top_note(query)}",
        )

    for query, country, token in _rows(SHORT_ALIAS, 3):
        owners = sorted(
            {
                o
                for n, o in zip(lists.names, lists.owners, strict=True)
                if n.strip() == token and not o.endswith("(former)")
            }
        )
        add(
            "short_alias_in_long",
            query,
            "entity",
            country,
            f"'{token}' is a listed alias ({', '.join(owners[:3])}); whole name is another company; "
            f"{top_note(query)}",
        )

    # real_company: all own-knowledge names, seeded samples of the two outside lists.
    by_src: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for query, country, src in _rows(REAL_COMPANY, 3):
        by_src[src].append((query, country))
    rnd = random.Random(SEED)
    for src in ("own", "f2k", "sp"):
        pool = [p for p in by_src[src] if p[0] not in taken and p[0].casefold() not in dev]
        want = min(REAL_COMPANY_TARGET[src], len(pool))
        chosen = set(rnd.sample(range(len(pool)), want))
        for i, (query, country) in enumerate(pool):
            if i in chosen:
                add(
                    "real_company",
                    query,
                    "entity",
                    country,
                    f"{SOURCE_NOTE[src]}; {top_note(query)}",
                )

    for query, country in _rows(REAL_PERSON, 2):
        add(
            "real_person", query, "individual", country, f"own knowledge; {top_note(query)}", thr=90
        )
    for (query,) in _rows(GENERIC_ONLY, 1):
        add(
            "generic_only",
            query,
            "entity",
            "",
            f"hand-made from generic words; {top_note(query)}",
            thr=88,
        )
    for query, country, city in _rows(SAME_CITY, 3):
        add(
            "same_city_generic",
            query,
            "entity",
            country,
            f"'{city}' + words absent from listed names; {top_note(query)}",
        )
    return out, dropped


def _csv(rows: list[dict[str, str]], columns: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _sources_md(
    pos: list[dict[str, str]],
    neg: list[dict[str, str]],
    dropped: list[tuple[str, str, str]],
    sha: dict[str, str],
) -> str:
    pk = Counter(r["kind"] for r in pos)
    nk = Counter(r["kind"] for r in neg)
    hk = Counter(r["kind"] for r in pos if r["group"] == "huawei")
    lines = [
        "# Held-out screening evaluation set (frozen)",
        "",
        f"Frozen on **{FROZEN}**. Built by `scripts/build_heldout_screening.py` (seed {SEED}).",
        "Do not tune the engine on these files and do not regenerate them to fit the engine;",
        "a change to a row is a new version of the set and must be recorded here.",
        "",
        "## Method",
        "",
        "The set is built by a method that is independent of the engine. The script imports nothing",
        "from `earmark.names` or `earmark.screening`, and no rendering was copied from the engine's",
        "lexicons (`zh_lexicon.toml`, `zh_known_names.toml`, `places.toml`). The engine's screening",
        "was not run to decide what to include. Only the bundled list data (`earmark.regdata`) is",
        "read: to attach the stable entry ids, names, lists, types and countries to the positives,",
        "and to brute-force-check every negative with rapidfuzz.",
        "",
        "* **Positives** (`positives.csv`) were written by hand, row by row, for listed parties found",
        "  by searching the bundled names: Simplified and Traditional Chinese names, Hanyu Pinyin",
        "  (spaced, run together, with tone marks, with English legal forms), exonyms of place and",
        "  country words, ISO codes and abbreviations, company-name contractions, Russian, Ukrainian",
        "  and Belarusian Cyrillic, Persian and Arabic, Hangul and Japanese, as-pasted variants,",
        "  hand-made typos and reorderings. Chinese, Traditional Chinese (not converted by opencc),",
        "  pinyin (not generated by pypinyin) and the other scripts come from the author's own",
        "  knowledge; the `note` column says how each query was produced and flags renderings the",
        "  author was less sure of. `expected_ids` lists every current entry that is the same party",
        "  (the same firm on EL and SDN/SSI/CMIC, duplicate EL rows); any of them counts as a hit.",
        "  `list`, `type`, `country` and `expected_name` are those of the first id.",
        "* `alias` rows use a real alias of the entry as the query, with `exclude` set to that alias",
        "  (the evaluation leaves it out of the index). Only aliases that are renderings of the same",
        "  name (translation, transliteration, shortened form sharing a distinctive word) are kind",
        "  `alias`; bare acronyms, former names and names sharing nothing are kind `alias_unrelated`.",
        "  Aliases nearly identical (ratio >= 96) to another remaining name of the entry were left out.",
        "* **Negatives** (`negatives.csv`) are real names that are not listed parties. Each was",
        "  compared by brute force (rapidfuzz `token_set_ratio` and `token_sort_ratio`, after",
        "  dropping legal-form words) with every name and alias ever listed in the bundle (current",
        "  and former entries); the top candidates were read by hand. A negative was dropped when its",
        "  normalised form equals a listed name, when `token_sort_ratio` >= 92 (90 for people, 88",
        "  for generic-only names), or by hand when it is or might be the listed party",
        "  (see 'Dropped' below). The `note` gives the brute-force top candidate and score.",
        "  - No negative is also a query of the engine's development negatives",
        "    (`tests/data/screening/negatives.csv`, `real_companies.txt`); such candidates were dropped.",
        "  - `real_company`: every own-knowledge name (Chinese, Indian, Brazilian, Korean, Gulf ... firms",
        "    that are not listed; e.g. Tencent, Alibaba, Xiaomi, BYD, Lenovo, CATL were checked",
        "    against the data), plus seeded samples of names from two outside lists:",
        f"    {SOURCE_NOTE['sp']}; {SOURCE_NOTE['f2k']}.",
        "  - `shared_word`: famous unlisted companies sharing one distinctive word with a listed name;",
        "    found by scanning listed-name tokens for brand words. The note names the listing.",
        "  - `short_alias_in_long`: long unlisted names containing a 2-3 letter token that is on its",
        "    own a listed alias (BMI, MIT, RIM, ICI, PNC, TCL ...).",
        "  - `generic_only`, `same_city_generic`, `real_person`: hand-made or own knowledge; the",
        "    distinctive words of `same_city_generic` names occur in no listed name.",
        "",
        "## Counts",
        "",
        "| file | kind | rows | of which group huawei |",
        "| --- | --- | --- | --- |",
    ]
    for k in sorted(pk):
        lines.append(f"| positives | {k} | {pk[k]} | {hk.get(k, 0)} |")
    lines.append(f"| positives | **total** | **{len(pos)}** | **{sum(hk.values())}** |")
    for k in sorted(nk):
        lines.append(f"| negatives | {k} | {nk[k]} | |")
    lines.append(f"| negatives | **total** | **{len(neg)}** | |")
    lines += [
        "",
        "## Dropped candidates",
        "",
        "| kind | candidate | reason |",
        "| --- | --- | --- |",
    ]
    for kind, q, why in dropped:
        lines.append(f"| {kind} | {q} | {why} |")
    lines += [
        "",
        "## Known uncertainties",
        "",
        "* A few Chinese legal names are marked 'fairly confident' in the note (institute and",
        "  regional subsidiary forms); the Japanese kanji for Toyo Shinyo Jitsugyo K.K. is a rendering.",
        "* For parties listed several times in slightly different form (e.g. Huawei Technologies Service",
        "  / Huawei Technical Service, Blue Airways on the DPL) all ids are given; where the lists carry",
        "  a related but distinct party (a parent, a subsidiary sharing aliases) it was left out.",
        "* Some hard negatives are deliberately close to listed names (Natura vs Naura, Canon vs",
        "  CANCON, Mohamed Salah vs SALAH ABU MOHAMED); they are real, unlisted, different parties.",
        "",
        "## Checksums",
        "",
        f"* `positives.csv` sha256 `{sha['positives.csv']}`",
        f"* `negatives.csv` sha256 `{sha['negatives.csv']}`",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    lists = Lists()
    pos = build_positives(lists)
    dup = [q for q, n in Counter(r["query"] for r in pos).items() if n > 1]
    if dup:
        sys.exit(f"duplicate positive queries: {dup}")
    neg, dropped = build_negatives(lists)
    dup = [q for q, n in Counter(r["query"] for r in neg).items() if n > 1]
    if dup:
        sys.exit(f"duplicate negative queries: {dup}")
    both = {r["query"] for r in pos} & {r["query"] for r in neg}
    if both:
        sys.exit(f"queries both positive and negative: {both}")
    OUT.mkdir(parents=True, exist_ok=True)
    data = {"positives.csv": _csv(pos, POS_COLUMNS), "negatives.csv": _csv(neg, NEG_COLUMNS)}
    sha = {}
    for name, blob in data.items():
        (OUT / name).write_bytes(blob)
        sha[name] = hashlib.sha256(blob).hexdigest()
    (OUT / "SOURCES.md").write_text(_sources_md(pos, neg, dropped, sha), encoding="utf-8")
    print(f"positives {len(pos)}  negatives {len(neg)}  dropped {len(dropped)}")
    for k, n in sorted(Counter(r["kind"] for r in pos).items()):
        print(f"  + {k:20} {n}")
    for k, n in sorted(Counter(r["kind"] for r in neg).items()):
        print(f"  - {k:20} {n}")


if __name__ == "__main__":
    main()
