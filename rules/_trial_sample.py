"""The seed turned into a correct 2020 report on the 2019 trial format, for rules' examples.

`TRIAL_2020` is a ``replace=`` mapping for ``sample("seed", …)``: table 二 in the trial layout
(本年新制作数量 …, 其他对外管理服务事项, 第二十条第（九）项 政府集中采购), table 三's （六）其他处理 as
one row of numbers (19 leaves), and 2020 as the year. A near miss for the template rules: a 2020
report on the trial format is right.
"""

from __future__ import annotations

_Z7 = "\n".join(["\t0"] * 7)

_ACTIVE_2021 = (
    "\t第二十条第（一）项\n\n\t信息内容\n\t本年制发件数\n\t本年废止件数\n\t现行有效件数\n\n\t规章\n\t0\n\t0\n\t0\n\n"
    "\t行政规范性文件\n\t0\n\t1\n\t0\n\n\t第二十条第（五）项\n\n\t信息内容\n\t本年处理决定数量\n\n\t行政许可\n\t18463\n\n"
    "\t第二十条第（六）项\n\n\t信息内容\n\t本年处理决定数量\n\n\t行政处罚\n\t0\n\n\t行政强制\n\t0\n\n"
    "\t第二十条第（八）项\n\n\t信息内容\n\t本年收费金额（单位：万元）\n\n\t行政事业性收费\n\t0\n")
_ACTIVE_TRIAL = (
    "\t第二十条第（一）项\n\n\t信息内容\n\t本年新制作数量\n\t本年新公开数量\n\t对外公开总数量\n\n\t规章\n\t0\n\t0\n\t0\n\n"
    "\t规范性文件\n\t0\n\t0\n\t3\n\n\t第二十条第（五）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n"
    "\t行政许可\n\t120\n\t0\n\t18463\n\n\t其他对外管理服务事项\n\t0\n\t0\n\t0\n\n"
    "\t第二十条第（六）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\t处理决定数量\n\n"
    "\t行政处罚\n\t0\n\t0\n\t0\n\n\t行政强制\n\t0\n\t0\n\t0\n\n"
    "\t第二十条第（八）项\n\n\t信息内容\n\t上一年项目数量\n\t本年增/减\n\n\t行政事业性收费\n\t0\n\t0\n\n"
    "\t第二十条第（九）项\n\n\t信息内容\n\t采购项目数量\n\t采购总金额\n\n\t政府集中采购\n\t0\n\t0\n")
_OTHER_2021 = (
    "\t（六）其他处理\n\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n" + _Z7 + "\n\n\t\n\t\n"
    "\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n" + _Z7 + "\n\n\t\n\t\n"
    "\t3.其他\n" + _Z7 + "\n")
_OTHER_TRIAL = "\t（六）其他处理\n" + _Z7 + "\n"

YEAR_2020 = {"淄博市行政审批服务局2023年": "淄博市行政审批服务局2020年",
             "2023年1月1日起，至2023年12月31日": "2020年1月1日起，至2020年12月31日"}
TRIAL_TABLES = {_ACTIVE_2021: _ACTIVE_TRIAL, _OTHER_2021: _OTHER_TRIAL}
TRIAL_2020 = {**YEAR_2020, **TRIAL_TABLES}

__all__ = ["TRIAL_2020", "TRIAL_TABLES", "YEAR_2020"]
