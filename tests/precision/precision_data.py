"""The reports of the precision set, as data (rendered by precision_model.py; generate.py writes them).

Fifteen reports by bodies of every level — a ministry, a provincial government office, city and
county governments, city and district bureaus, a township and a street office — for 2021–2024,
with and without applications, carried-over applications, reconsideration and litigation, and the
same figures narrated in many ways (收到 / 受理 / 新收, Chinese numerals, 未收到 / 无, 其中…, right
percentages). Four bodies appear for two consecutive years, so the cross-year rules are exercised.
Names and addresses are real places; the figures, phone numbers and e-mail addresses are invented
(valid in form for the area code, with matching postcodes).
"""

from __future__ import annotations

from datetime import date

from precision_model import Active, Litigation, Report, Requests

NOTICE = ("本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府"
          "信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。")
STRUCTURE = ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
             "存在的主要问题及改进情况、其他需要报告的事项六部分组成。")


def period(year: int) -> str:
    return f"本年度报告中所列数据的统计期限自{year}年1月1日起，至{year}年12月31日止。"


# ---- 潍坊市生态环境局 2022, 2023 (a city bureau, two consecutive years) ---------------------------------
WEIFANG_CONTACT = ("如对本报告有疑问，请与潍坊市生态环境局办公室联系（地址：潍坊市奎文区新华路1998号；邮编：261041；"
                   "电话：0536-8096170；邮箱：wfsthjjxxgk@wf.shandong.cn）。")

WEIFANG_2022 = Report(
    file="weifang-environment-2022.txt",
    title="潍坊市生态环境局2022年政府信息公开工作年度报告",
    intro=NOTICE + period(2022) + "本报告电子版可在潍坊市生态环境局门户网站下载。" + WEIFANG_CONTACT,
    overview=[
        "2022年，潍坊市生态环境局以生态环境信息公开为抓手，围绕污染防治攻坚、环境质量改善等群众关心的重点工作，"
        "依法做好政府信息公开各项工作。",
        "（一）主动公开",
        "全年通过门户网站主动公开政府信息1268条，其中环境质量信息412条、建设项目环评审批信息365条、行政处罚信息48条。"
        "按月发布全市空气质量和地表水环境质量排名，按季度公开重点排污单位名录。全年制发行政规范性文件2件，废止1件，"
        "均在门户网站同步公开并配发解读材料。",
        "（二）依申请公开",
        "严格落实政府信息公开申请登记、审核、答复工作制度，对每一件申请明确承办科室和答复时限，全部在法定期限内答复。",
        "（三）政府信息管理",
        "建立政策文件公开属性源头认定机制，发文时同步确定公开方式；对现行有效的9件行政规范性文件进行梳理，集中在"
        "“政策文件”栏目公布。",
        "（四）政府信息公开平台建设",
        "优化门户网站“政府信息公开”专栏，新增“环境监测信息”“突发环境事件”两个子栏目；“潍坊生态环境”微信公众号"
        "全年推送信息620余条。",
        "（五）监督保障",
        "将政务公开工作纳入科室年度考核，组织全局政务公开业务培训2次，邀请社会监督员对公开工作提出意见建议。",
    ],
    active_text=[],
    requests_text=[
        "本年度新收政府信息公开申请13件，上年结转1件。本年度办结12件，其中予以公开6件、部分公开2件、不予公开1件、"
        "无法提供3件；结转下年度继续办理2件。",
    ],
    litigation_text=["本年度未发生因政府信息公开工作被申请行政复议或提起行政诉讼的情况。"],
    problems=[
        "一是部分环境监测数据的公开形式较为单一，可读性有待提高；二是基层分局信息发布的及时性不够。",
        "改进措施：一是丰富图表、短视频等解读形式；二是建立基层分局信息报送月通报制度，督促按时更新。",
    ],
    other_matters=[
        "（一）信息处理费收取情况。本年度未收取信息处理费。",
        "（二）建议提案办理情况。全年承办市人大代表建议8件、市政协委员提案11件，办理结果已按规定公开。",
        "（三）政务公开工作创新情况。试行重点排污单位环境信息“一企一档”公开，方便公众查询。",
        "（四）落实上级年度政务公开工作要点情况。对照全市政务公开工作要点确定的生态环境领域任务，逐项落实到科室。",
    ],
    active=Active(normative=(2, 1, 9), licensing=356, penalty=48, enforcement=6),
    requests=Requests({
        "new": (9, 3, 0, 0, 1, 0), "carried_over": (1, 0, 0, 0, 0, 0), "granted": (5, 1, 0, 0, 0, 0),
        "partially_granted": (1, 1, 0, 0, 0, 0), "denied_third_party": (0, 1, 0, 0, 0, 0),
        "unavailable_not_held": (2, 0, 0, 0, 1, 0)}),
    litigation=Litigation(),
    published_on=date(2023, 1, 18),
)

WEIFANG_2023 = Report(
    file="weifang-environment-2023.txt",
    title="潍坊市生态环境局2023年政府信息公开工作年度报告",
    intro=period(2023) + STRUCTURE + WEIFANG_CONTACT,
    overview=[
        "2023年，市生态环境局坚持“以公开为常态、不公开为例外”，把信息公开融入环境执法、项目审批和监测发布全过程。",
        "（一）主动公开。门户网站全年公开信息1415条。新制发行政规范性文件3件、废止2件，截至年底现行有效10件，"
        "文件全文和政策解读同步发布。按日发布重污染天气预警信息，按季度通报水环境质量。",
        "（二）依申请公开。对新收的17件申请和上年结转的2件申请，逐件建立台账，实行一案一审，答复文书统一由法制科"
        "审核后出具。",
        "（三）政府信息管理。完成历年行政规范性文件清理，对已废止、失效文件在原文处加注说明，避免误用。",
        "（四）平台建设。门户网站完成适老化改造，新增环境信访投诉结果公开栏目；政务新媒体实行三审三校。",
        "（五）监督保障。局主要负责同志每季度听取一次政务公开工作汇报，对发现的问题限期整改。",
    ],
    active_text=[],
    requests_text=[
        "收到和处理申请情况见下表。从申请人看，自然人11件、商业企业4件、科研机构1件、其他组织1件。",
    ],
    litigation_text=["全年被申请行政复议1件，复议机关维持了我局的答复决定；无行政诉讼案件。"],
    problems=[
        "存在的问题：政策解读的针对性不强，对企业关心的审批时限、排污许可变更等事项解读不够。",
        "改进情况：下一步将梳理企业高频咨询事项，编写问答式解读，并在办事大厅设置公开查阅点。",
    ],
    other_matters=[
        "本年度我局无信息处理费收取情况。全年人大代表建议、政协提案办理结果均已在门户网站公开。",
    ],
    active=Active(normative=(3, 2, 10), licensing=402, penalty=37, enforcement=4),
    requests=Requests({
        "new": (11, 4, 1, 0, 0, 1), "carried_over": (2, 0, 0, 0, 0, 0), "granted": (6, 2, 0, 0, 0, 0),
        "partially_granted": (2, 0, 0, 0, 0, 0), "denied_process_info": (1, 0, 0, 0, 0, 0),
        "unavailable_not_held": (2, 1, 0, 0, 0, 0), "unavailable_needs_creation": (0, 0, 1, 0, 0, 0),
        "rejected_duplicate": (1, 0, 0, 0, 0, 0), "other_no_correction": (0, 0, 0, 0, 0, 1)}),
    litigation=Litigation(review=(1, 0, 0, 0)),
    published_on=date(2024, 1, 25),
    previous="weifang-environment-2022.txt",
)

# ---- 沂源县人民政府 2021, 2022 (a county government: due 31 March) -------------------------------------
YIYUAN_CONTACT = ("如对本报告有任何疑问，请与沂源县人民政府办公室联系（地址：淄博市沂源县城鲁山路3号；邮编：256100；"
                  "电话：0533-3241234；邮箱：yyxzfbgs@zb.shandong.cn）。")

YIYUAN_2021 = Report(
    file="yiyuan-county-2021.txt",
    title="沂源县人民政府2021年政府信息公开工作年度报告",
    intro=NOTICE + period(2021) + YIYUAN_CONTACT,
    overview=[
        "本年度，沂源县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，围绕县委、县政府中心工作，持续推进"
        "决策、执行、管理、服务、结果公开。",
        "（一）主动公开情况。全县各级行政机关在县政府门户网站主动公开政府信息8650条。县政府制发行政规范性文件6件，"
        "废止2件，现行有效41件，全部在“政策文件”栏目公开。",
        "（二）依申请公开情况。全年共受理政府信息公开申请三十三件，上年结转一件，申请主要涉及征地补偿、规划建设等。",
        "（三）政府信息管理情况。落实公开属性源头认定，全年对12件拟公开文件进行保密审查和合法性审查。",
        "（四）政府信息公开平台建设情况。整合各部门网站栏目，统一在县政府门户网站设置政府信息公开专栏。",
        "（五）监督保障情况。将政务公开纳入全县综合考核，组织培训3次，培训人员260余人次。",
    ],
    active_text=[],
    requests_text=[
        "全年办结申请31件，结转下年度3件。予以公开和部分公开的共17件，占办结总数的54.8%。",
    ],
    litigation_text=["全年因政府信息公开被申请行政复议2件，均维持原答复；被提起行政诉讼1件，法院判决维持。"],
    problems=[
        "一是镇（街道）政务公开工作人员变动频繁，业务水平参差不齐；二是部分领域信息更新不够及时。",
        "下一步，我县将加强业务培训，建立信息更新提醒机制，推动公开工作规范化。",
    ],
    other_matters=[
        "（一）本年度未收取信息处理费。",
        "（二）县政府承办的人大代表建议和政协提案办理结果已全部公开。",
        "（三）创新开展“政府开放日”活动4场，邀请群众代表走进政府机关。",
    ],
    active=Active(normative=(6, 2, 41), licensing=5230, penalty=612, enforcement=35, fees="186.37"),
    requests=Requests({
        "new": (24, 5, 0, 1, 2, 1), "carried_over": (1, 0, 0, 0, 0, 0), "granted": (10, 2, 0, 0, 1, 0),
        "partially_granted": (3, 1, 0, 0, 0, 0), "denied_third_party": (1, 0, 0, 0, 0, 0),
        "denied_internal_affairs": (1, 0, 0, 0, 0, 0), "unavailable_not_held": (5, 1, 0, 1, 0, 0),
        "unavailable_unclear": (1, 0, 0, 0, 0, 0), "rejected_petition": (2, 0, 0, 0, 0, 0),
        "rejected_duplicate": (1, 0, 0, 0, 0, 0), "other_no_correction": (0, 0, 0, 0, 1, 0)}),
    litigation=Litigation(review=(2, 0, 0, 0), suit_direct=(1, 0, 0, 0)),
    published_on=date(2022, 3, 28),
)

YIYUAN_2022 = Report(
    file="yiyuan-county-2022.txt",
    title="沂源县人民政府2022年政府信息公开工作年度报告",
    intro=period(2022) + YIYUAN_CONTACT,
    overview=[
        "2022年，县政府坚持以人民为中心，着力提升政务公开标准化规范化水平。",
        "（一）主动公开",
        "聚焦乡村振兴、教育医疗、社会救助等领域，公开各类信息9120条。县政府新制发行政规范性文件4件，废止3件，"
        "现行有效42件。",
        "（二）依申请公开",
        "县政府收到政府信息公开申请28件，加上上年结转的3件，共需办理31件，当年办结28件，结转下年度继续办理3件。",
        "（三）政府信息管理",
        "开展政府信息公开目录梳理，对各部门公开目录进行规范，统一分类标准。",
        "（四）政府信息公开平台建设",
        "建成县级政务公开专区，在为民服务中心设置查阅终端，提供文件查阅和咨询服务。",
        "（五）监督保障",
        "印发年度政务公开工作要点，细化任务分工，县政府督查室对落实情况进行督导。",
    ],
    active_text=[],
    requests_text=[],
    litigation_text=[
        "因政府信息公开工作被申请行政复议3件，其中维持1件、纠正1件、尚未审结1件；被提起行政诉讼3件，其中未经复议"
        "直接起诉2件、复议后起诉1件。",
    ],
    problems=[
        "对照群众期盼，我县政务公开工作仍有差距：政策解读形式不够丰富，基层公开专区使用率偏低。",
        "对此，我们将推行图解、视频解读，并在镇（街道）便民服务中心完善公开专区功能。",
    ],
    other_matters=[
        "本年度，县政府未收取信息处理费。县政府办公室对本报告内容负责。",
    ],
    active=Active(normative=(4, 3, 42), licensing=5877, penalty=540, enforcement=28, fees="173.5"),
    requests=Requests({
        "new": (19, 6, 0, 0, 1, 2), "carried_over": (1, 1, 0, 0, 0, 1), "granted": (9, 3, 0, 0, 0, 1),
        "partially_granted": (2, 1, 0, 0, 0, 0), "denied_process_info": (1, 0, 0, 0, 0, 0),
        "denied_query_matter": (1, 0, 0, 0, 0, 0), "unavailable_not_held": (4, 2, 0, 0, 1, 1),
        "rejected_confirmation": (1, 0, 0, 0, 0, 0), "other_other": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(1, 1, 0, 1), suit_direct=(1, 0, 0, 1), suit_after_review=(1, 0, 0, 0)),
    published_on=date(2023, 3, 20),
    previous="yiyuan-county-2021.txt",
)

# ---- 中华人民共和国水利部 2023 (a State Council department) ----------------------------------------------
MINISTRY_2023 = Report(
    file="ministry-water-2023.txt",
    title="中华人民共和国水利部2023年政府信息公开工作年度报告",
    intro=NOTICE + period(2023) + "本报告电子版可在水利部门户网站（http://www.mwr.gov.cn）下载。如对本报告有疑问，请与水利部"
          "政务公开办公室联系（地址：北京市西城区白广路二条2号；邮编：100053；电话：010-63202555；邮箱：zwgk@mwr.gov.cn）。",
    overview=[
        "2023年，水利部深入贯彻党中央、国务院关于全面推进政务公开的决策部署，紧扣防汛抗旱、水资源管理、水利工程建设"
        "等重点工作，不断提高政务公开质量。",
        "（一）主动公开。全年在部门户网站发布政府信息6800余条。制定部门规章2件，废止1件，现行有效部门规章57件；"
        "制发行政规范性文件12件，废止5件，现行有效96件。规章和行政规范性文件均在发布后及时公开并同步解读。",
        "（二）依申请公开。全年新收政府信息公开申请134件，较上年有所增加，另有上年结转申请10件。全部申请均依法按时"
        "答复，本年度办结134件，结转下年度继续办理10件。",
        "（三）政府信息管理。修订部政府信息公开实施办法，完善公开审查机制，对拟公开信息严格履行保密审查程序。",
        "（四）平台建设。升级部门户网站政府信息公开专栏，完善“水利法规”“水情信息”等栏目，政务新媒体矩阵覆盖"
        "微信、微博和客户端。",
        "（五）监督保障。部政务公开领导小组定期研究部署，将政务公开纳入司局年度绩效考核，举办全系统政务公开培训班。",
    ],
    active_text=[],
    requests_text=[],
    litigation_text=[
        "本年度，因政府信息公开被申请行政复议8件，其中结果维持5件、结果纠正1件、尚未审结2件；被提起行政诉讼6件。",
    ],
    problems=[
        "一是部分专业性较强的政策文件解读通俗性不够；二是流域管理机构信息公开标准有待统一。",
        "改进措施：一是加强政策解读的可视化表达；二是制定流域管理机构政务公开工作指引，统一标准和流程。",
    ],
    other_matters=[
        "（一）本年度未收取信息处理费。",
        "（二）全年办理全国人大代表建议和全国政协委员提案的答复情况已按规定公开。",
        "（三）落实国务院办公厅年度政务公开工作要点的情况已逐项对账销号。",
    ],
    active=Active(regulations=(2, 1, 57), normative=(12, 5, 96), licensing=1286, penalty=3),
    requests=Requests({
        "new": (98, 21, 3, 2, 6, 4), "carried_over": (7, 2, 0, 0, 1, 0), "granted": (40, 9, 2, 1, 2, 1),
        "partially_granted": (12, 3, 0, 0, 1, 0), "denied_state_secret": (1, 0, 0, 0, 0, 0),
        "denied_prohibited_by_law": (1, 0, 0, 0, 0, 0), "denied_third_party": (2, 1, 0, 0, 0, 0),
        "denied_internal_affairs": (3, 0, 0, 0, 0, 0), "denied_process_info": (4, 1, 0, 0, 0, 0),
        "denied_query_matter": (1, 0, 0, 0, 0, 0), "unavailable_not_held": (20, 4, 1, 1, 2, 2),
        "unavailable_needs_creation": (3, 1, 0, 0, 0, 0), "unavailable_unclear": (2, 0, 0, 0, 0, 0),
        "rejected_petition": (3, 0, 0, 0, 0, 0), "rejected_duplicate": (2, 1, 0, 0, 0, 0),
        "rejected_publication": (1, 0, 0, 0, 0, 0), "rejected_confirmation": (1, 0, 0, 0, 0, 0),
        "other_no_correction": (2, 1, 0, 0, 1, 0), "other_other": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(5, 1, 0, 2), suit_direct=(3, 0, 0, 1), suit_after_review=(2, 0, 0, 0)),
    published_on=date(2024, 1, 29),
)

# ---- 山东省人民政府办公厅 2024 (a provincial government office) ------------------------------------------
SHANDONG_OFFICE_2024 = Report(
    file="shandong-government-office-2024.txt",
    title="山东省人民政府办公厅2024年政府信息公开工作年度报告",
    intro=period(2024) + "如对本报告有疑问，请与山东省人民政府办公厅政务公开处联系（地址：济南市历下区省府前街1号；"
          "邮编：250011；电话：0531-86061234；邮箱：sdzwgk@shandong.gov.cn）。",
    overview=[
        "2024年，省政府办公厅认真落实政府信息公开条例和国务院办公厅政务公开工作要点，以高质量公开助力高质量发展。",
        "（一）主动公开方面，省政府门户网站全年发布信息2.3万条，其中政策文件及解读1860条。全年以省政府名义制定规章3件、"
        "废止2件，现行有效规章118件；以省政府、省政府办公厅名义制发行政规范性文件15件、废止9件，现行有效204件。",
        "（二）依申请公开方面，新收申请59件，上年结转3件，办结60件，结转下年度2件。",
        "（三）政府信息管理方面，完成省政府规章和行政规范性文件集中清理，清理结果统一公布。",
        "（四）政府信息公开平台建设方面，推进省、市、县三级政府网站集约化，统一政策文件库向社会开放。",
        "（五）监督保障方面，组织开展全省政务公开第三方评估，评估结果纳入综合考核，全年举办培训班2期。",
    ],
    active_text=[],
    requests_text=[
        "办结的60件中，予以公开28件，部分公开8件，不予公开7件，无法提供14件，不予处理3件。",
    ],
    litigation_text=["全年因政府信息公开被申请行政复议3件，被提起行政诉讼1件，详见下表。"],
    problems=[
        "主要问题：政策文件库的检索功能还不够完善，部分政策解读与文件发布不同步。",
        "改进情况：优化政策文件库检索，实行政策文件与解读材料同步审签、同步发布。",
    ],
    other_matters=[
        "（一）本年度未收取信息处理费。",
        "（二）省政府办公厅承办的人大代表建议和政协提案办理复文已按规定公开。",
        "（三）创新情况：上线“免申即享”政策专区，汇集惠企政策480项。",
    ],
    active=Active(regulations=(3, 2, 118), normative=(15, 9, 204)),
    requests=Requests({
        "new": (45, 8, 1, 0, 3, 2), "carried_over": (3, 0, 0, 0, 0, 0), "granted": (21, 4, 1, 0, 1, 1),
        "partially_granted": (6, 1, 0, 0, 1, 0), "denied_third_party": (1, 0, 0, 0, 0, 0),
        "denied_internal_affairs": (2, 0, 0, 0, 0, 0), "denied_process_info": (3, 1, 0, 0, 0, 0),
        "unavailable_not_held": (9, 2, 0, 0, 1, 1), "unavailable_unclear": (1, 0, 0, 0, 0, 0),
        "rejected_petition": (2, 0, 0, 0, 0, 0), "rejected_duplicate": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(2, 0, 0, 1), suit_direct=(1, 0, 0, 0)),
    published_on=date(2025, 1, 27),
)

# ---- 淄博市人民政府 2023 (a city government: due 31 March) ----------------------------------------------
ZIBO_CITY_2023 = Report(
    file="zibo-city-government-2023.txt",
    title="淄博市人民政府2023年政府信息公开工作年度报告",
    intro=NOTICE + period(2023) + "如对本报告有疑问，请与淄博市人民政府办公室联系（地址：淄博市张店区人民西路16号；"
          "邮编：255000；电话：0533-3182066；邮箱：zbzwgk@zb.shandong.cn）。",
    overview=[
        "2023年，淄博市人民政府紧紧围绕全市中心工作，深化政务公开，推进政府治理体系和治理能力现代化。",
        "（一）主动公开。市政府门户网站全年发布信息15800余条。市政府制定政府规章1件，无废止，现行有效31件；"
        "以市政府、市政府办公室名义印发行政规范性文件8件，废止6件，现行有效77件。",
        "（二）依申请公开。市政府全年受理政府信息公开申请46件，同比增长12.2%，另有上年结转5件。申请人以自然人为主，"
        "共36件，商业企业7件，社会公益组织1件，法律服务机构2件。",
        "（三）政府信息管理。印发政府信息公开保密审查办法，规范公开前审查流程。",
        "（四）政府信息公开平台建设。完成市政府门户网站改版，优化政策文件库，开设“营商环境”专题。",
        "（五）监督保障。市政府常务会议专题研究政务公开工作，将政务公开纳入高质量发展综合绩效考核。",
    ],
    active_text=[],
    requests_text=[
        "全年办结申请48件：予以公开20件，部分公开6件，不予公开4件，无法提供13件，不予处理4件，其他处理1件。"
        "结转下年度继续办理3件。",
    ],
    litigation_text=["本年度市政府因政府信息公开被申请行政复议2件，被提起行政诉讼2件。"],
    problems=[
        "一是部分区县政务公开标准化建设进度不一；二是依申请公开答复文书的说理性有待加强。",
        "下一步，市政府将加强对区县的指导和考核，开展答复文书评查，提升依申请公开办理质量。",
    ],
    other_matters=[
        "（一）本年度市政府未收取信息处理费。",
        "（二）《2023年淄博市政务公开工作方案》确定的任务已全部完成。",
        "（三）市政府承办的人大代表建议和政协提案办理结果已全部公开。",
    ],
    active=Active(regulations=(1, 0, 31), normative=(8, 6, 77)),
    requests=Requests({
        "new": (36, 7, 0, 1, 2, 0), "carried_over": (4, 1, 0, 0, 0, 0), "granted": (15, 3, 0, 1, 1, 0),
        "partially_granted": (5, 1, 0, 0, 0, 0), "denied_third_party": (1, 1, 0, 0, 0, 0),
        "denied_process_info": (2, 0, 0, 0, 0, 0), "unavailable_not_held": (9, 2, 0, 0, 1, 0),
        "unavailable_needs_creation": (1, 0, 0, 0, 0, 0), "rejected_petition": (3, 0, 0, 0, 0, 0),
        "rejected_excessive": (1, 0, 0, 0, 0, 0), "other_no_correction": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(1, 0, 0, 1), suit_direct=(1, 0, 1, 0)),
    published_on=date(2024, 3, 26),
)

# ---- 青岛市市南区教育局 2022 (a district bureau) ----------------------------------------------------------
SHINAN_EDUCATION_2022 = Report(
    file="qingdao-shinan-education-2022.txt",
    title="青岛市市南区教育局2022年政府信息公开工作年度报告",
    intro=period(2022) + "联系方式：地址：青岛市市南区东海西路1号；邮编：266071；电话：0532-88728136；"
          "邮箱：snqjyjbgs@qd.shandong.cn。",
    overview=[
        "本年度，区教育局围绕招生入学、教育收费、学校安全等群众关心的事项，扎实做好政府信息公开工作。",
        "（一）主动公开。在区政府门户网站教育局专栏发布信息326条，及时公开义务教育招生政策、学区划分和收费标准。"
        "全年制发行政规范性文件1件，无废止，现行有效6件。",
        "（二）依申请公开。共收到政府信息公开申请四件，均为自然人提交，已全部按期答复。",
        "（三）政府信息管理。明确各科室信息公开联络员，落实信息发布前审核制度。",
        "（四）平台建设。维护好区政府门户网站教育专栏和“市南教育”公众号，开设招生咨询专栏。",
        "（五）监督保障。将政务公开纳入直属学校年度考核，组织专题培训1次。",
    ],
    active_text=[],
    requests_text=["四件申请中，予以公开两件，部分公开一件，因本机关不掌握相关信息无法提供一件。"],
    litigation_text=["本年度未发生行政复议、行政诉讼。"],
    problems=[
        "存在问题：学校层面的信息公开还不够规范。改进措施：下一步将制定学校信息公开清单，加强督导检查。",
    ],
    other_matters=["本年度未收取任何信息处理费。"],
    active=Active(normative=(1, 0, 6), licensing=23),
    requests=Requests({
        "new": (4, 0, 0, 0, 0, 0), "granted": (2, 0, 0, 0, 0, 0), "partially_granted": (1, 0, 0, 0, 0, 0),
        "unavailable_not_held": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(),
    published_on=date(2023, 1, 16),
)

# ---- 淄博市淄川区昆仑镇人民政府 2023 (a township: no deadline configured) ----------------------------------
KUNLUN_TOWN_2023 = Report(
    file="zichuan-kunlun-town-2023.txt",
    title="淄博市淄川区昆仑镇人民政府2023年政府信息公开工作年度报告",
    intro=period(2023) + "如有疑问，请与昆仑镇党政办公室联系（地址：淄博市淄川区昆仑镇昆仑路8号；邮编：255129；"
          "电话：0533-5481234；邮箱：klzdzb@zb.shandong.cn）。",
    overview=[
        "2023年，昆仑镇按照区政府政务公开工作部署，做好镇级政府信息公开工作。",
        "（一）主动公开：在区政府门户网站镇街专栏发布财政预决算、惠民补贴发放、村级事务等信息152条。",
        "（二）依申请公开：本年度我镇未收到政府信息公开申请。",
        "（三）政府信息管理：建立信息发布审核登记簿，落实“先审后发”。",
        "（四）平台建设：在镇便民服务中心设置政务公开专区，配备查阅设备。",
        "（五）监督保障：明确党政办公室负责政务公开工作，配备工作人员2名，参加区级培训2次。",
    ],
    active_text=[],
    requests_text=[],
    litigation_text=["本年度未发生因政府信息公开引起的行政复议和行政诉讼。"],
    problems=["信息公开的深度和广度还不够，下一步将加强村级事务公开的指导和检查。"],
    other_matters=["本年度未收取信息处理费。"],
    active=Active(penalty=12),
    requests=Requests(),
    litigation=Litigation(),
    published_on=date(2024, 2, 20),
)

# ---- 淄博市张店区车站街道办事处 2024 (a street office) -------------------------------------------------------
CHEZHAN_STREET_2024 = Report(
    file="zhangdian-chezhan-street-2024.txt",
    title="淄博市张店区车站街道办事处2024年政府信息公开工作年度报告",
    intro=period(2024) + "联系地址：淄博市张店区华光路128号；邮编：255000；联系电话：0533-2861234；"
          "电子邮箱：czjdb@zb.shandong.cn。",
    overview=[
        "2024年，车站街道坚持公开透明，主动接受群众监督。",
        "一是主动公开。围绕社区治理、民生保障，发布各类信息96条。",
        "二是依申请公开。全年无政府信息公开申请。",
        "三是政府信息管理。规范信息发布流程，实行分管领导审核。",
        "四是平台建设。依托区政府网站和街道公众号发布信息，在社区设置公开栏。",
        "五是监督保障。将公开工作纳入社区年度考核，组织社区工作人员培训1次。",
    ],
    active_text=[],
    requests_text=[],
    litigation_text=["全年未发生政府信息公开行政复议、行政诉讼案件。"],
    problems=["主要问题是公开内容的时效性不足。改进措施：建立信息发布周调度制度，提升更新频率。"],
    other_matters=["本年度街道未收取信息处理费。"],
    active=Active(),
    requests=Requests(),
    litigation=Litigation(),
    published_on=date(2025, 1, 20),
)

# ---- 济南市历下区市场监督管理局 2023, 2024 (a district bureau, two consecutive years) ----------------------
LIXIA_CONTACT = ("联系方式：地址：济南市历下区解放路12号；邮编：250014；电话：0531-86912345；"
                 "邮箱：lxscjgj@jn.shandong.cn。")

LIXIA_2023 = Report(
    file="jinan-lixia-market-2023.txt",
    title="济南市历下区市场监督管理局2023年政府信息公开工作年度报告",
    intro=period(2023) + LIXIA_CONTACT,
    overview=[
        "2023年，历下区市场监督管理局紧扣市场准入、食品安全、质量监管等职能，推进执法决策公开。",
        "（一）主动公开情况：全年作出行政许可决定8421件、行政处罚决定386件，均按规定在7个工作日内公示。本年度未制发"
        "行政规范性文件。",
        "（二）依申请公开情况：全年新收政府信息公开申请26件，其中自然人14件、商业企业9件、法律服务机构3件。",
        "（三）政府信息管理情况：落实执法信息公示制度，建立公示信息动态调整机制。",
        "（四）政府信息公开平台建设情况：在区政府门户网站设置“双随机一公开”专栏，公开抽查计划和结果。",
        "（五）监督保障情况：局党组定期研究政务公开工作，组织业务培训2次。",
    ],
    active_text=[],
    requests_text=[
        "全年办结24件，其中予以公开11件，部分公开3件，不予公开2件，无法提供7件，不予处理1件；结转下年度办理2件。",
    ],
    litigation_text=["本年度被申请行政复议1件，复议结果为纠正。未发生行政诉讼。"],
    problems=[
        "一是部分执法信息公示的格式不够统一；二是公开专栏的分类有待优化。",
        "对此，将统一公示模板，优化栏目分类，提升查阅便利度。",
    ],
    other_matters=["（一）本年度我局未收取信息处理费。", "（二）人大代表建议、政协委员提案办理结果已全部公开。"],
    active=Active(licensing=8421, penalty=386, enforcement=57),
    requests=Requests({
        "new": (14, 9, 0, 0, 3, 0), "granted": (6, 4, 0, 0, 1, 0), "partially_granted": (2, 1, 0, 0, 0, 0),
        "denied_third_party": (0, 2, 0, 0, 0, 0), "unavailable_not_held": (4, 1, 0, 0, 2, 0),
        "rejected_duplicate": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(0, 1, 0, 0)),
    published_on=date(2024, 1, 22),
)

LIXIA_2024 = Report(
    file="jinan-lixia-market-2024.txt",
    title="济南市历下区市场监督管理局2024年政府信息公开工作年度报告",
    intro=period(2024) + LIXIA_CONTACT,
    overview=[
        "本年度，区市场监管局以优化营商环境为主线，把政务公开贯穿监管执法和服务企业全过程。",
        "（一）主动公开。全年公开行政许可决定9013件、行政处罚决定402件、行政强制决定61件。首次制发行政规范性文件1件，"
        "截至年底现行有效1件。",
        "（二）依申请公开。本年度受理申请24件，上年度结转2件，全年共办结26件，无结转下年度的申请。",
        "（三）政府信息管理。对企业信用修复、经营异常名录移出等信息实行动态更新。",
        "（四）政府信息公开平台建设。开通“历下市场监管”视频号，发布政策解读短视频20期。",
        "（五）监督保障。聘请社会监督员6名，对公开工作进行评议。",
    ],
    active_text=[],
    requests_text=[
        "从办理结果看：予以公开12件，部分公开4件，不予公开1件，无法提供8件，其他处理1件。",
    ],
    litigation_text=["全年未发生政府信息公开行政复议、行政诉讼。"],
    problems=[
        "存在的不足：政策解读以文字为主，群众喜闻乐见的形式偏少。下一步将持续丰富解读形式，扩大视频解读覆盖面。",
    ],
    other_matters=["本年度，我局无收取信息处理费的情况。"],
    active=Active(normative=(1, 0, 1), licensing=9013, penalty=402, enforcement=61),
    requests=Requests({
        "new": (17, 5, 0, 0, 1, 1), "carried_over": (1, 1, 0, 0, 0, 0), "granted": (8, 3, 0, 0, 1, 0),
        "partially_granted": (3, 1, 0, 0, 0, 0), "denied_enforcement_file": (1, 0, 0, 0, 0, 0),
        "unavailable_not_held": (4, 2, 0, 0, 0, 1), "unavailable_unclear": (1, 0, 0, 0, 0, 0),
        "other_no_correction": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(),
    published_on=date(2025, 1, 23),
    previous="jinan-lixia-market-2023.txt",
)

# ---- 苏州市吴中区人民政府 2024 (a district government in Jiangsu) -----------------------------------------
WUZHONG_2024 = Report(
    file="suzhou-wuzhong-district-2024.txt",
    title="苏州市吴中区人民政府2024年政府信息公开工作年度报告",
    intro=NOTICE + period(2024) + STRUCTURE + "如对本报告有疑问，请与吴中区人民政府办公室联系（地址：苏州市吴中区东吴北路105号；"
          "邮编：215128；电话：0512-66251234；邮箱：wzqzwgk@szwz.gov.cn）。",
    overview=[
        "2024年，吴中区人民政府全面落实政务公开各项要求，以公开促落实、促规范、促服务。",
        "（一）主动公开",
        "全区各级行政机关主动公开政府信息12460条。区政府制发行政规范性文件5件，废止3件，现行有效62件。",
        "（二）依申请公开",
        "区政府本级新收政府信息公开申请78件，上年结转7件。办结81件，其中予以公开和部分公开的共44件，占全部办结件数"
        "的54.3%。",
        "（三）政府信息管理",
        "开展行政规范性文件“立改废”评估，清理结果向社会公布。",
        "（四）政府信息公开平台建设",
        "推进政务公开专区标准化建设，全区建成区、镇（街道）两级专区18个。",
        "（五）监督保障",
        "区政府将政务公开纳入年度综合考核，组织各部门、各镇（街道）开展业务培训3次。",
    ],
    active_text=[],
    requests_text=[
        "本年度向1名申请人发出收费通知，申请人逾期未缴纳费用，依法不再处理其申请，未实际收取费用。",
    ],
    litigation_text=[
        "全年因政府信息公开被申请行政复议6件，提起行政诉讼5件，其中复议后起诉2件。",
    ],
    problems=[
        "一是部分部门主动公开的深度不够；二是基层政务公开专区利用率偏低。",
        "下一步，区政府将加强对部门和镇（街道）的督促指导，定期通报主动公开情况。",
    ],
    other_matters=[
        "（一）信息处理费收取情况：本年度未收取信息处理费。",
        "（二）区政府承办的人大代表建议、政协提案办理结果已按要求公开。",
        "（三）创新情况：推行“政策体检”，对涉企政策开展实施效果评估。",
    ],
    active=Active(normative=(5, 3, 62), licensing=15880, penalty=2306, enforcement=112, fees="1523.8"),
    requests=Requests({
        "new": (58, 12, 0, 1, 4, 3), "carried_over": (6, 1, 0, 0, 0, 0), "granted": (24, 5, 0, 1, 2, 1),
        "partially_granted": (8, 2, 0, 0, 1, 0), "denied_three_safety_one_stability": (1, 0, 0, 0, 0, 0),
        "denied_third_party": (2, 1, 0, 0, 0, 0), "denied_process_info": (3, 0, 0, 0, 0, 0),
        "unavailable_not_held": (13, 3, 0, 0, 1, 1), "unavailable_needs_creation": (2, 0, 0, 0, 0, 0),
        "rejected_petition": (4, 0, 0, 0, 0, 0), "rejected_duplicate": (2, 1, 0, 0, 0, 0),
        "other_no_correction": (1, 0, 0, 0, 0, 1), "other_fee_unpaid": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(3, 1, 1, 1), suit_direct=(2, 0, 1, 0), suit_after_review=(1, 0, 0, 1)),
    published_on=date(2025, 3, 25),
)

# ---- 南京市财政局 2021 (a city bureau in Jiangsu) -------------------------------------------------------
NANJING_FINANCE_2021 = Report(
    file="nanjing-finance-2021.txt",
    title="南京市财政局2021年政府信息公开工作年度报告",
    intro=NOTICE + period(2021) + "如对本报告有疑问，请与南京市财政局办公室联系（地址：南京市建邺区江东中路265号；"
          "邮编：210019；电话：025-68788123；邮箱：njczjzwgk@nanjing.gov.cn）。",
    overview=[
        "本年度，市财政局围绕预算公开、政府采购、财政资金直达等重点领域，不断提高财政信息公开质量。",
        "（一）主动公开：全年公开财政信息1890条，全市市级部门预决算公开率100%。制发行政规范性文件7件，废止4件，"
        "现行有效53件。",
        "（二）依申请公开：全年新收政府信息公开申请30件（其中自然人21件），上年结转2件，办结30件，结转下年度继续"
        "办理2件。",
        "（三）政府信息管理：落实公开属性源头认定，对发文逐件标注公开属性。",
        "（四）政府信息公开平台建设：完善门户网站“预决算公开”统一平台，实现市级部门预决算集中展示、分类查询。",
        "（五）监督保障：将预决算公开纳入对市级部门的年度绩效评价，组织培训2次。",
    ],
    active_text=[],
    requests_text=[],
    litigation_text=["本年度没有发生因政府信息公开引起的行政复议和行政诉讼。"],
    problems=[
        "存在问题：部分部门预算项目说明不够细化。改进情况：下一步将制定项目说明编制指引，推动预算公开更加细化。",
    ],
    other_matters=["我局本年度未收取信息处理费。"],
    active=Active(normative=(7, 4, 53), penalty=5),
    requests=Requests({
        "new": (21, 6, 1, 0, 0, 2), "carried_over": (2, 0, 0, 0, 0, 0), "granted": (9, 3, 1, 0, 0, 1),
        "partially_granted": (4, 1, 0, 0, 0, 0), "denied_internal_affairs": (1, 0, 0, 0, 0, 0),
        "unavailable_not_held": (5, 2, 0, 0, 0, 1), "rejected_petition": (1, 0, 0, 0, 0, 0),
        "other_other": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(),
    published_on=date(2022, 1, 24),
)

NANJING_FINANCE_2022 = Report(
    file="nanjing-finance-2022.txt",
    title="南京市财政局2022年政府信息公开工作年度报告",
    intro=NOTICE + period(2022) + "如对本报告有疑问，请与南京市财政局办公室联系（地址：南京市建邺区江东中路265号；"
          "邮编：210019；电话：025-68788123；邮箱：njczjzwgk@nanjing.gov.cn）。",
    overview=[
        "本年度，市财政局继续围绕预算公开、政府采购、财政资金直达等重点领域做好财政信息公开，并把减税降费政策公开"
        "作为新的重点。",
        "（一）主动公开：全年公开财政信息2035条，市级部门预决算全部按时公开。制发行政规范性文件5件，废止6件，"
        "现行有效52件。集中公开留抵退税、惠企资金兑付等政策文件和解读。",
        "（二）依申请公开：全年新收政府信息公开申请25件，上年结转2件，办结27件，年底没有结转的申请。",
        "（三）政府信息管理：开展行政规范性文件清理，对6件不再适用的文件予以废止并公布清理结果。",
        "（四）政府信息公开平台建设：在门户网站开设“惠企政策直通车”专栏，按行业分类汇集财政支持政策。",
        "（五）监督保障：将预决算公开检查结果向各部门通报，组织业务培训1次，并开展预决算公开专项检查。",
    ],
    active_text=[],
    requests_text=["从办理结果看，予以公开12件，部分公开6件，不予公开2件，无法提供6件，不予处理1件。"],
    litigation_text=["本年度被申请行政复议1件，尚未审结；没有发生行政诉讼。"],
    problems=[
        "存在问题：部分区级财政部门预决算公开的表格口径与市级不一致。改进情况：下一步将统一区级公开模板，加强对区级"
        "财政部门的业务指导。",
    ],
    other_matters=["我局本年度未收取信息处理费。政协提案和人大代表建议的办理结果已按规定公开。"],
    active=Active(normative=(5, 6, 52), penalty=3),
    requests=Requests({
        "new": (16, 7, 0, 0, 1, 1), "carried_over": (2, 0, 0, 0, 0, 0), "granted": (8, 3, 0, 0, 0, 1),
        "partially_granted": (4, 2, 0, 0, 0, 0), "denied_third_party": (1, 1, 0, 0, 0, 0),
        "unavailable_not_held": (4, 1, 0, 0, 1, 0), "rejected_duplicate": (1, 0, 0, 0, 0, 0)}),
    litigation=Litigation(review=(0, 0, 0, 1)),
    published_on=date(2023, 1, 30),
    previous="nanjing-finance-2021.txt",
)

REPORT_DATA = [
    WEIFANG_2022, WEIFANG_2023, YIYUAN_2021, YIYUAN_2022, MINISTRY_2023, SHANDONG_OFFICE_2024, ZIBO_CITY_2023,
    SHINAN_EDUCATION_2022, KUNLUN_TOWN_2023, CHEZHAN_STREET_2024, LIXIA_2023, LIXIA_2024, WUZHONG_2024,
    NANJING_FINANCE_2021, NANJING_FINANCE_2022,
]
