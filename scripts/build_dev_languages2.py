# ruff: noqa: E501  (a table of names: one row a line)
"""Build tests/data/screening/dev_languages2.csv: a second development set of other-script and
other-language renderings of listed parties.

    python scripts/build_dev_languages2.py

Hand-written (2026-12-02) from the writer's own knowledge of Korean, Japanese, Russian /
Ukrainian / Belarusian, Persian and Arabic usage, and of romanisation systems; the bundled list
data was used only to find the ids of the parties. Not written with, or checked against, the
screening engine or its lexicons, and independent of the frozen held-out set. Like
dev_languages.csv this set is TUNED ON.

ROWS is one row a line: kind, query, expected ids ("|"-separated, every current entry that is the
same party; the first one supplies expected_name, list, type and country). For kind ``alias``
the query is a listed alias of the party and ``exclude`` is that alias (left out of the index).
Check the result with scripts/check_dev_languages2.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

from earmark.regdata import load_regdata

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening" / "dev_languages2.csv"
FIELDS = [
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

ROWS = """\
korean	조선광선은행	SDN-11581
korean	정찰총국	SDN-12210
korean	조선련봉총회사	SDN-9347|ISN-55ce835cd3
korean	단천상업은행	SDN-9346|ISN-a3881f8b70
korean	조선대성은행	SDN-12312
korean	대동신용은행	SDN-16085
korean	청송련합	SDN-12212
korean	제2자연과학원	SDN-12215|ISN-f659030b93
korean	군수공업부	SDN-12214|ISN-b244397ae2
korean	조선로동당 39호실	SDN-12209
korean	원양해운관리회사	SDN-17068
korean	조선인민군	SDN-22284
korean	국가보위성	SDN-20129
korean	조선로동당 조직지도부	SDN-20123
korean	조선콤퓨터쎈터	SDN-22323
korean	만수대창작사	SDN-20578
korean	조선민족보험총회사	SDN-20573
korean	고려항공무역회사	SDN-37518
korean	라자루스 그룹	SDN-27307
korean	김수키	SDN-45430
korean	조선백호무역회사	SDN-39499
korean	남천강무역회사	SDN-11532|ISN-a382e53950|ISN-3e277ae5c6
korean	국가우주개발국	SDN-19530|ISN-0d355b37a2
korean	조선인민군 전략군	SDN-18568|ISN-1124e2f1c1
korean	김정은	SDN-20157
korean	김여정	SDN-21444
korean	최룡해	SDN-23213
korean	리병철	SDN-23215
korean	조용원	SDN-21303
korean	화웨이	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
korean	화웨이테크놀로지스(주)	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
korean	하이크비전	CMIC-30946|EL-28e6392023
korean	(주)하이크비전	CMIC-30946|EL-28e6392023
korean	다후아 테크놀로지	EL-0ae73c8b7e
korean	센스타임	CMIC-33114|EL-4e60f8e67f
korean	메그비	CMIC-33091|EL-949efd1ad1
korean	아이플라이텍	EL-5a40bc667e
korean	중신궈지	CMIC-30951|EL-09066d6226
korean	로스텍	SDN-17260|SSI-17260|EL-15626c66df
korean	로소보론엑스포르트	EL-b076e390ac|SDN-18782|SSI-18782
korean	스베르방크	SDN-17018|SSI-17018
korean	바그너 그룹	EL-c27f099682|ISN-dd3a156bf7|SDN-22543
korean	이슬람혁명수비대	SDN-10391|ISN-24305f1f09
korean	헤즈볼라	SDN-4697
korean	후티 반군	SDN-47664
japanese	ファーウェイ	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
japanese	華為技術	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
japanese	華為技術日本株式会社	EL-891eb51645
japanese	ファーウェイ・ジャパン	EL-891eb51645
japanese	ハイシリコン	EL-598691c608
japanese	ハイクビジョン	CMIC-30946|EL-28e6392023
japanese	杭州海康威視数字技術股份有限公司	CMIC-30946|EL-28e6392023
japanese	浙江大華技術	EL-0ae73c8b7e
japanese	センスタイム	CMIC-33114|EL-4e60f8e67f
japanese	メグビー	CMIC-33091|EL-949efd1ad1
japanese	アイフライテック	EL-5a40bc667e
japanese	科大訊飛	EL-5a40bc667e
japanese	中芯国際集成電路製造(SMIC)	CMIC-30951|EL-09066d6226
japanese	長江存儲科技	EL-34b14d3a83
japanese	中国電子科技集団公司	CMIC-30936
japanese	ハルビン工業大学	EL-66dae938da
japanese	大疆創新科技	CMIC-33111|EL-03a661edc1
japanese	ロステック	SDN-17260|SSI-17260|EL-15626c66df
japanese	ロソボロンエクスポルト	EL-b076e390ac|SDN-18782|SSI-18782
japanese	アルマズ・アンテイ	SDN-16865|EL-ca86bd5807
japanese	民間軍事会社ワグネル	EL-c27f099682|ISN-dd3a156bf7|SDN-22543
japanese	カスペルスキーラボ	EL-c1c3a03b48
japanese	ズベルバンク	SDN-17018|SSI-17018
japanese	VTB銀行	SDN-17013|SSI-17013
japanese	ツポレフ	SDN-35898|EL-8b085461f2
japanese	ロシア連邦保安庁	SDN-21344|EL-243716dad0|ISN-243716dad0
japanese	ロシア連邦軍参謀本部情報総局	SDN-21343|EL-a866152479|EL-a866152479-2|ISN-5a2a1d273c
japanese	イラン航空	SDN-25237|DPL-2a002dc9a4|EL-2a002dc9a4
japanese	マハン航空	SDN-12927|DPL-0a3d47cfed
japanese	イスラム革命防衛隊	SDN-10391|ISN-24305f1f09
japanese	イラン国営石油会社	SDN-11317
japanese	ヒズボラ	SDN-4697
japanese	フーシ派	SDN-47664
japanese	高麗航空	SDN-20520
japanese	朝鮮鉱業開発貿易会社	SDN-9345|ISN-4890102e98
japanese	朝鮮貿易銀行	SDN-15603
japanese	ラザルス	SDN-27307
japanese	六代目山口組	SDN-13071
japanese	神戸山口組	SDN-20379
japanese	住吉会	SDN-15495
japanese	稲川会	SDN-15661
japanese	工藤會	SDN-16604
japanese	司忍	SDN-13072
japanese	井上邦雄	SDN-20381
japanese	野村悟	SDN-16605
japanese	ファーウェイ(Huawei)	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
cyrillic	АО «Концерн ВКО «Алмаз-Антей»	SDN-16865|EL-ca86bd5807
cyrillic	ПАО Сбербанк	SDN-17018|SSI-17018
cyrillic	Банк ВТБ (ПАО)	SDN-17013|SSI-17013
cyrillic	Банк ГПБ (АО)	SDN-17016|SSI-17016
cyrillic	Госкорпорация «Ростех»	SDN-17260|SSI-17260|EL-15626c66df
cyrillic	АО «Концерн «Калашников»	SDN-16911|EL-70964ca2a2
cyrillic	АО «Научно-производственная корпорация «Уралвагонзавод»	SDN-16885|EL-37f5ddefab
cyrillic	АО «Концерн «Радиоэлектронные технологии»	SDN-16868|EL-b2614ae18e
cyrillic	ПАО «Туполев»	SDN-35898|EL-8b085461f2
cyrillic	АО «Вертолёты России»	SDN-18820|SSI-18820|EL-2cc222e94c
cyrillic	ПАО «Силовые машины»	SDN-23563|EL-10427d31ab
cyrillic	АО «Корпорация «Тактическое ракетное вооружение»	SDN-34876|EL-de3007d71b
cyrillic	Главное разведывательное управление Генерального штаба	SDN-21343|EL-a866152479|EL-a866152479-2|ISN-5a2a1d273c
cyrillic	Федеральная служба безопасности Российской Федерации	SDN-21344|EL-243716dad0|ISN-243716dad0
cyrillic	Служба внешней разведки Российской Федерации	SDN-42717|EL-35d5ef78c0
cyrillic	ПАО «НК «Роснефть»	SDN-17022|SSI-17022|EL-e4ecd9a0d6
cyrillic	ПАО «ЛУКОЙЛ»	SDN-17248|SSI-17248|EL-43e8b7db3f
cyrillic	АО «Альфа-Банк»	SDN-34682
cyrillic	ЧВК «Вагнер»	EL-c27f099682|ISN-dd3a156bf7|SDN-22543
cyrillic	АО «Лаборатория Касперского»	EL-c1c3a03b48
cyrillic	Московский институт теплотехники	EL-226a8810fc|SDN-37662
cyrillic	ПАО «Корпорация «Иркут»	EL-667801ae56|EL-6a9e417d1b|EL-91d2e56452|SDN-35901
cyrillic	ОАО «Нафтан»	SDN-12860
cyrillic	Концерн «Белнефтехим»	SDN-10574
cyrillic	Белнафтахім	SDN-10574
cyrillic	ОАО «Минский автомобильный завод»	SDN-41318
cyrillic	ААТ «Мінскі аўтамабільны завод»	SDN-41318
cyrillic	ОАО «Белорусский автомобильный завод»	SDN-41319
cyrillic	Минский завод колёсных тягачей	SDN-34769|EL-aba7bd2af0|ISN-549951e40d
cyrillic	Мінскі завод колавых цягачоў	SDN-34769|EL-aba7bd2af0|ISN-549951e40d
cyrillic	Авиакомпания «Белавиа»	DPL-dea4268ba7
cyrillic	ОАО «Пеленг»	SDN-33395|EL-807f2d2896
cyrillic	Комитет государственной безопасности Республики Беларусь	SDN-32275|EL-fe49f17bfd
cyrillic	Камітэт дзяржаўнай бяспекі Рэспублікі Беларусь	SDN-32275|EL-fe49f17bfd
cyrillic	Рособоронекспорт	EL-b076e390ac|SDN-18782|SSI-18782
cyrillic	Об'єднана авіабудівна корпорація	SDN-36431|EL-66ea3874a7|EL-969297d226
cyrillic	Корпус вартових ісламської революції	SDN-10391|ISN-24305f1f09
cyrillic	Хуавей	CMIC-30947|CMIC-32087|EL-03a400e609|EL-6b7bebe9dc|EL-f3632424b0|EL-12d3f88e11
cyrillic	Хиквижн	CMIC-30946|EL-28e6392023
cyrillic	Корпус стражей исламской революции	SDN-10391|ISN-24305f1f09
cyrillic	Хезболла	SDN-4697
cyrillic	ХАМАС	SDN-4695
cyrillic	Движение хуситов «Ансар Аллах»	SDN-47664
cyrillic	Исламское государство Ирака и Леванта	SDN-8759
cyrillic	Путин Владимир Владимирович	SDN-35096
cyrillic	Путин В. В.	SDN-35096
cyrillic	Лавров Сергей Викторович	SDN-35233
cyrillic	Сергей Шойгу	SDN-35173
cyrillic	Герасимов Валерий Васильевич	SDN-35176
cyrillic	Пригожин Евгений Викторович	SDN-21171
cyrillic	Дерипаска Олег Владимирович	SDN-24283
cyrillic	Вексельберг Виктор	SDN-24306
cyrillic	Сечин Игорь Иванович	SDN-16692
cyrillic	Песков Дмитрий Сергеевич	SDN-35320
cyrillic	Мишустин Михаил	SDN-35282
cyrillic	Кадыров Рамзан Ахматович	SDN-23343
cyrillic	Владимир Потанин	SDN-38241
cyrillic	Лукашенко Александр Григорьевич	SDN-9760
cyrillic	Лукашэнка Аляксандр Рыгоравіч	SDN-9760
cyrillic	Хренин Виктор Геннадьевич	SDN-34746
cyrillic	Воздушно-космические силы Российской Федерации	SDN-40191|ISN-58b502adb9
cyrillic	ООО «Специальный технологический центр»	SDN-21332|EL-99c8b9077b|EL-99c8b9077b-2
cyrillic	Т-Платформы	SDN-34686
persian	سازمان صنایع هوافضا	SDN-9348|ISN-35bda577a0
persian	سازمان صنایع دفاع	SDN-10153|ISN-ccec0932cf
persian	سازمان انرژی اتمی ایران	SDN-25627|EL-b794162de8|ISN-b794162de8
persian	وزارت دفاع و پشتیبانی نیروهای مسلح	SDN-10392|ISN-18de65bae8
persian	وزارت اطلاعات جمهوری اسلامی ایران	SDN-12111
persian	گروه صنعتی شهید باکری	SDN-9350|EL-d12bd687ee|ISN-8573b19089
persian	صنایع الکترونیک ایران	SDN-11184
persian	شرکت صنایع هواپیماسازی ایران	SDN-11195
persian	قرارگاه سازندگی خاتم‌الانبیاء	SDN-10488
persian	ستاد اجرایی فرمان حضرت امام	SDN-16004
persian	سازمان بسیج مستضعفین	SDN-12727
persian	سازمان صدا و سیمای جمهوری اسلامی ایران	SDN-15764
persian	شرکت فولاد مبارکه اصفهان	SDN-25064
persian	شرکت ملی صنایع مس ایران	SDN-28293
persian	شرکت ملی صنایع پتروشیمی	SDN-11618
persian	شرکت ملی نفت ایران	SDN-11317
persian	بانک مرکزی جمهوری اسلامی ایران	SDN-4632
persian	بانک صادرات ایران	SDN-10368
persian	بانک ملت	SDN-25019
persian	بانک تجارت	SDN-25677
persian	بانک رفاه کارگران	SDN-4635
persian	بانک توسعه صادرات ایران	SDN-25639
persian	بانک کشاورزی	SDN-4639
persian	بانک مسکن	SDN-4633
persian	بانک پارسیان	SDN-25066
persian	سپاه پاسداران انقلاب اسلامی	SDN-10391|ISN-24305f1f09
persian	نیروی قدس سپاه پاسداران	SDN-10465
persian	نیروی هوافضای سپاه	SDN-12055|EL-0cc62b0c3b
persian	هواپیمایی ماهان	SDN-12927|DPL-0a3d47cfed
persian	هواپیمایی جمهوری اسلامی ایران	SDN-25237|DPL-2a002dc9a4|EL-2a002dc9a4
persian	ایران‌ایر	SDN-25237|DPL-2a002dc9a4|EL-2a002dc9a4
persian	هواپیمایی کاسپین	SDN-17226
persian	هواپیمایی پویا	SDN-13109|DPL-884b6d5487|DPL-d5f6e9807f
persian	بنیاد شهید و امور ایثارگران	SDN-10410
persian	سازمان صنایع دریایی	SDN-15652
persian	سید علی خامنه‌ای	SDN-26945
persian	قاسم سلیمانی	SDN-10481
persian	اسماعیل قاآنی	SDN-13107
persian	محمدجواد ظریف	SDN-26950
persian	محمد باقری	SDN-27850
persian	امیرعلی حاجی‌زاده	SDN-26942
persian	ابراهیم رئیسی	SDN-27844
persian	غلامحسین محسنی اژه‌ای	SDN-12252
persian	علی شمخانی	SDN-28315
persian	صادق آملی لاریجانی	SDN-23472
arabic	حزب الله اللبناني	SDN-4697
arabic	كتائب حزب الله	SDN-11462
arabic	عصائب أهل الحق	SDN-28283
arabic	عصائب اهل الحق	SDN-28283
arabic	كتائب سيد الشهداء	SDN-46348
arabic	حركة النجباء	SDN-26446
arabic	الحوثيون	SDN-47664
arabic	جماعة الحوثي	SDN-47664
arabic	حركة حماس	SDN-4695
arabic	حركة المقاومة الإسلامية	SDN-4695
arabic	كتائب عز الدين القسام	SDN-4695
arabic	حركة الجهاد الإسلامي في فلسطين	SDN-4707
arabic	تنظيم الدولة الإسلامية في العراق والشام	SDN-8759
arabic	تنظيم القاعدة	SDN-6366
arabic	القاعدة في جزيرة العرب	SDN-11695
arabic	جبهة النصرة	SDN-16937
arabic	هيئة تحرير الشام	SDN-16937
arabic	جمعية القرض الحسن	SDN-10416
arabic	مؤسسة جهاد البناء	SDN-10053
arabic	قناة المنار	SDN-9609
arabic	مركز الدراسات والبحوث العلمية	SDN-9352|EL-ba6716b760|ISN-ddcc9a3c41
arabic	المعهد العالي للعلوم التطبيقية والتكنولوجيا	SDN-10128|EL-593edc01b8
arabic	مؤسسة معامل الدفاع	EL-89225f0794
arabic	أجنحة الشام للطيران	SDN-21244|EL-92c48fea9f
arabic	بنك اليمن والكويت للتجارة والاستثمار	SDN-52750
arabic	حسن نصرالله	SDN-2686
arabic	نعيم قاسم	SDN-24514
arabic	قيس الخزعلي	SDN-28004
arabic	أبو مهدي المهندس	SDN-11461
arabic	بشار الأسد	SDN-12735
arabic	إسماعيل هنية	SDN-23627|PLC-23627
arabic	اسماعيل هنيه	SDN-23627|PLC-23627
arabic	أيمن الظواهري	SDN-2676
arabic	أبو بكر البغدادي	SDN-12926
arabic	عبدالملك الحوثي	SDN-17927
translit_alias	Silovye Mashiny	SDN-23563|EL-10427d31ab
translit_alias	Almaz Antei	SDN-16865|EL-ca86bd5807
translit_alias	Obyedinennaya Aviastroitelnaya Korporatsiya	SDN-36431|EL-66ea3874a7|EL-969297d226
translit_alias	Kontsern Kalashnikov	SDN-16911|EL-70964ca2a2
translit_alias	Vertolyoty Rossii	SDN-18820|SSI-18820|EL-2cc222e94c
translit_alias	Korporatsiya Takticheskoye Raketnoye Vooruzheniye	SDN-34876|EL-de3007d71b
translit_alias	Kontsern Radioelektronnye Tekhnologii	SDN-16868|EL-b2614ae18e
translit_alias	Moskovskiy Aviatsionnyy Institut	EL-618242d7ad|SDN-50728
translit_alias	Gosudarstvennaya Korporatsiya Rostekh	SDN-17260|SSI-17260|EL-15626c66df
translit_alias	Neftyanaya Kompaniya Rosneft	SDN-17022|SSI-17022|EL-e4ecd9a0d6
translit_alias	Obyedinyonnaya Sudostroitelnaya Korporatsiya	SDN-16886|EL-3d3e796307
translit_alias	Kontsern Sozvezdiye	SDN-16869|EL-7310c0c5a7
translit_alias	Uralskiy Vagonostroitelnyy Zavod	SDN-16885|EL-37f5ddefab
translit_alias	Minskiy Zavod Kolesnykh Tyagachey	SDN-34769|EL-aba7bd2af0|ISN-549951e40d
translit_alias	Belorusskiy Avtomobilnyy Zavod	SDN-41319
translit_alias	Sazman Sanaye Havafaza	SDN-9348|ISN-35bda577a0
translit_alias	Sazman-e Sanaye-e Defa	SDN-10153|ISN-ccec0932cf
translit_alias	Sazman-e Enerzhi-ye Atomi-ye Iran	SDN-25627|EL-b794162de8|ISN-b794162de8
translit_alias	Vezarat-e Ettelaat	SDN-12111
translit_alias	Sherkat-e Melli-ye Naftkesh-e Iran	SDN-15117|SDN-15119
translit_alias	Sherkat-e Melli-ye Naft-e Iran	SDN-11317
translit_alias	Niru-ye Qods	SDN-10465
translit_alias	Basij-e Mostazafin	SDN-12727
translit_alias	Khatam al-Anbiya Construction Headquarters	SDN-10488
translit_alias	Seda va Sima	SDN-15764
translit_alias	Levant Liberation Committee	SDN-16937
translit_alias	Al-Dawla al-Islamiya fi al-Iraq wa al-Sham	SDN-8759
translit_alias	Jeongchal Chongguk	SDN-12210
translit_alias	Joseon Gwangeop Gaebal Muyeok Hoesa	SDN-9345|ISN-4890102e98
translit_alias	Goryeo Hanggong	SDN-20520
translit_alias	Joseon Muyeok Eunhaeng	SDN-15603
translit_alias	Choson Kwangson Unhaeng	SDN-11581
translit_alias	Choson Ryonbong Chonghoesa	SDN-9347|ISN-55ce835cd3
translit_alias	Kukka Powisong	SDN-20129
translit_alias	Choson Inmingun	SDN-22284
translit_alias	Mansudae Changjaksa	SDN-20578
translit_alias	Kim Jong-eun	SDN-20157
translit_alias	Kim Yeo-jeong	SDN-21444
translit_alias	Choi Ryong-hae	SDN-23213
translit_alias	Tanchon Sangop Unhaeng	SDN-9346|ISN-a3881f8b70
translit_alias	Kunsu Kongop Pu	SDN-12214|ISN-b244397ae2
translit_alias	Zhongguo Dianzi Keji Jituan	CMIC-30936
translit_alias	Zhongguo Hangtian Keji Jituan	CMIC-30929|EL-5f48b6c069
translit_alias	Zhongguo Hangkong Gongye Jituan	CMIC-30925
translit_alias	Zhongguo Gongcheng Wuli Yanjiuyuan	EL-496e2e5518
translit_alias	Zhongguo Dianzi Xinxi Chanye Jituan	CMIC-30932
translit_alias	Shangtang Keji	CMIC-33114|EL-4e60f8e67f
translit_alias	Kuangshi Keji	CMIC-33091|EL-949efd1ad1
translit_alias	Zhejiang Dahua Jishu	EL-0ae73c8b7e
translit_alias	Haikang Weishi	CMIC-30946|EL-28e6392023
translit_alias	Zhongxin Guoji	CMIC-30951|EL-09066d6226
translit_alias	Yuncong Keji	CMIC-33112|EL-b825834b0e
translit_alias	Dajiang Chuangxin	CMIC-33111|EL-03a661edc1
translit_alias	Keda Xunfei	EL-5a40bc667e
translit_alias	Federalnaya Sluzhba Bezopasnosti Rossiyskoy Federatsii	SDN-21344|EL-243716dad0|ISN-243716dad0
translit_alias	Alexander Lukashenko	SDN-9760
translit_alias	Bank-e Melli-ye Iran	SDN-25578
translit_alias	Headquarters for Executing the Order of the Imam	SDN-16004
translit_alias	Nusra Front	SDN-16937
translit_alias	Hizbullah	SDN-4697
translit_alias	Shuguang Xinxi Chanye	CMIC-33113|EL-401a4469be
translit_alias	Zhongguo Bingqi Gongye Jituan	CMIC-30957
alias	CHONGCH'AL CH'ONGGUK	SDN-12210
alias	CHE 2 CHAYON KWAHAK-WON	SDN-12215|ISN-f659030b93
alias	CHOSON TAESONG UNHAENG	SDN-12312
alias	TONGBANG U'NHAENG	SDN-12696
alias	MOOYOKBANK	SDN-15603
alias	CHOSUN CHAWO'N KAEBAL T'UJA HOESA	SDN-12212
alias	JOSON PAEKHO MUYOK HOESA	SDN-39499
alias	MANSUDAE ART STUDIO	SDN-20578
alias	CHOSUN OIL EXPLORATION COMPANY	SDN-20581
alias	KOREYSKAYA VNESHNETORGOVAYA KOMPANIYA OKRYU	SDN-52131
alias	VEZARAT-E ETTELA'AT VA AMNIAT-E KESHVAR	SDN-12111
alias	SETAD-E EJRAEI-E FARMAN-E HAZRAT-E EMAM	SDN-16004
alias	SAZMANE SANAYE HAVA FAZA	SDN-9348|ISN-35bda577a0
alias	VEZARAT-E DEFA VA POSHTYBANI-E NIRU-HAYE MOSALLAH	SDN-10392|ISN-18de65bae8
alias	Sazeman-e Enerji-e Atomi	SDN-25627|EL-b794162de8|ISN-b794162de8
alias	NATIONAL BANK OF IRAN	SDN-25578
alias	AGRICULTURAL BANK OF IRAN	SDN-4639
alias	WORKERS' WELFARE BANK - OF IRAN	SDN-4635
alias	IRGC COOPERATIVE FOUNDATION	SDN-12477
alias	KHATAM AL-ANBYA	SDN-10488
alias	SAZMAN-E MOGHAVEMAT-E BASIJ	SDN-12727
alias	BONYAD-E SHAHID VA ISARGARAN	SDN-10410
alias	LEAGUE OF THE RIGHTEOUS	SDN-28283
alias	PARTY OF GOD	SDN-4697
alias	HARAKAT AL-MUQAWAMA AL-ISLAMIYA	SDN-4695
alias	SUPPORTERS OF GOD	SDN-47664
alias	HARAKAT HEZBOLLAH AL-NUJABA	SDN-26446
alias	AL-MUA'ASSAT AL-SHAHID	SDN-10411
alias	SUPPORT FRONT FOR THE PEOPLE OF THE LEVANT	SDN-16937
alias	AD-DAWLA AL-ISLAMIYYA FI AL-'IRAQ WA-SH-SHAM	SDN-8759
alias	BATTALION OF THE SAYYID'S MARTYRS	SDN-46348
alias	KARADH AL-HASSAN	SDN-10416
alias	RADIO ANNOUR	SDN-9611
alias	TANZIM QA'IDAT AL-JIHAD FI JAZIRAT AL-ARAB	SDN-11695
alias	AKTSIONERNOE OBSHCHESTVO KONTSERN VOZDUSHNO-KOSMICHESKOI OBORONY ALMAZ-ANTEI	SDN-16865|EL-ca86bd5807
alias	SLUZHBA VNESHNEY RAZVEDKI	SDN-42717|EL-35d5ef78c0
alias	AKTSIONERNOE OBSCHESTVO KORPORATSIYA TAKTICHESKOE RAKETNOE VOORUZHENIE	SDN-34876|EL-de3007d71b
alias	KOMITET GOSUDARSTVENNOI BEZOPASNOSTI RESPUBLIKI BELARUS	SDN-32275|EL-fe49f17bfd
alias	OTKRYTOE AKTSIONERNOE OBSHCHESTVO MINSKII ZAVOD KOLESNYKH TYAGACHEI	SDN-34769|EL-aba7bd2af0|ISN-549951e40d
alias	OAO MINSKI AVTOMOBILNYI ZAVOD	SDN-41318
alias	AO Laboratoriya Kasperskogo	EL-c1c3a03b48
alias	Beijing Shangtang Technology Development Co., Ltd.	EL-4e60f8e67f|CMIC-33114
alias	Zhongke Shuguang	EL-401a4469be|CMIC-33113
alias	Da-Jiang Innovations	EL-03a661edc1|CMIC-33111
alias	Yun Cong Technology	EL-b825834b0e|CMIC-33112
"""


def rows() -> list[tuple[str, str, list[str]]]:
    out = []
    for line in ROWS.splitlines():
        if not line.strip():
            continue
        kind, query, ids = line.split("\t")
        out.append((kind, query, ids.split("|")))
    return out


def main() -> None:
    rd = load_regdata()
    current = {listing.entry.id: listing.entry for listing in rd.lists.as_of(None)}
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        n = 0
        for kind, query, ids in rows():
            missing = [i for i in ids if i not in current]
            if missing:
                raise SystemExit(f"{query!r}: not current entries: {missing}")
            first = current[ids[0]]
            names = " ".join(current[i].name for i in ids).casefold()
            group = "huawei" if "huawei" in names or "hisilicon" in names else ""
            exclude = query if kind == "alias" else ""
            country = first.countries[0] if first.countries else ""
            writer.writerow(
                [
                    kind,
                    query,
                    "|".join(ids),
                    first.name,
                    first.list,
                    first.type or "",
                    country,
                    exclude,
                    group,
                ]
            )
            n += 1
    print(f"{n} rows -> {OUT}")


if __name__ == "__main__":
    main()
