"""Realistic Chinese content for demo data: names, addresses, phone numbers in mixed formats,
descriptions that match their service category. Deterministic for a given random.Random."""

from __future__ import annotations

import random

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅春晓燕思琪浩宇子涵欣怡梓轩雨桐嘉怡俊杰文博海波丹凯婷"
ROADS = ["天河路", "中山大道", "黄埔大道", "环市东路", "解放北路", "东风中路", "江南大道", "工业大道", "广州大道",
         "科韵路", "体育西路", "花城大道", "珠江东路", "沙河大街", "同和路", "白云大道", "广园中路", "昌岗路",
         "科技园路", "龙口西路", "五羊新城", "滨江东路", "新港西路", "宝岗大道", "番禺大道", "市桥路"]
ESTATES = ["花园", "小区", "新村", "公寓", "苑", "大厦", "广场", "家园", "雅居", "名苑"]
ESTATE_HEADS = ["金碧", "丽景", "翠湖", "锦绣", "怡景", "华景", "天骏", "云山", "碧桂", "南国", "荔湾", "东湖",
                "海印", "星河", "珠江", "阳光", "富力", "保利", "雅居乐", "骏景"]
COMPANY_HEADS = ["穗丰", "宏达", "华兴", "恒通", "新世纪", "广源", "粤海", "金桥", "永利", "德信"]
COMPANY_TAILS = ["餐饮有限公司", "物业管理有限公司", "酒店", "商贸有限公司", "洗涤厂", "幼儿园", "医院", "学校"]

DESCRIPTIONS: dict[str, list[str]] = {
    "水价标准": ["咨询居民阶梯水价标准及计费方式", "询问非居民用水价格是否调整"],
    "账单查询": ["查询本月水费为何比上月高出一倍", "咨询上期账单欠费金额"],
    "缴费方式": ["咨询微信缴费后未到账如何处理", "询问能否办理银行代扣"],
    "计划停水": ["询问本周末计划停水的时间和范围", "咨询管网改造停水何时恢复"],
    "突发停水": ["小区突然停水，询问原因和恢复时间", "整栋楼无水，询问是否有抢修"],
    "开户流程": ["新购房屋需要办理用水开户，咨询所需材料"],
    "过户流程": ["二手房交易后办理水表过户，咨询流程"],
    "报装流程": ["商铺需新装水表，咨询报装流程和费用"],
    "开户": ["办理新房用水开户"], "过户": ["办理二手房水表过户"], "销户": ["房屋拆除，申请销户"],
    "更名": ["户主变更，申请更改户名"],
    "换表": ["水表老化读数不清，申请换表"], "拆表": ["房屋装修需临时拆表"], "移表": ["水表位置影响通行，申请移表"],
    "水表校验": ["怀疑水表走得快，申请校验"],
    "预存水费": ["申请预存水费"], "退费申请": ["重复缴费，申请退还多缴水费"], "发票开具": ["申请开具增值税专用发票"],
    "无水": ["家中水龙头完全无水，邻居也无水", "楼上住户反映全部停水"],
    "水压低": ["高层住户水压很低，热水器无法启动", "早晚高峰水压不足"],
    "管道漏水": ["楼下水管漏水，路面积水", "小区绿化带地下管道冒水"],
    "爆管": ["路口水管爆裂，水柱冲起两米高", "主干道爆管，路面塌陷"],
    "水表不走": ["水表指针不转动，但一直有用水"], "水表漏水": ["水表接口处漏水不止"], "水表损坏": ["水表玻璃破裂"],
    "水质浑浊": ["自来水发黄浑浊，有沉淀", "放出的水呈乳白色"], "水有异味": ["自来水有明显消毒水味道", "水有霉味"],
    "水质": ["投诉近一周水质发黄影响生活"], "水压": ["投诉水压长期不足问题未解决"], "停水": ["投诉停水未提前通知"],
    "收费": ["投诉水费计费错误"], "噪音": ["投诉加压泵房夜间噪音扰民"],
    "工程收费": ["投诉报装工程收费过高"], "工程质量": ["投诉施工后路面未恢复"], "工程进度": ["投诉管网改造工期拖延"],
    "热线服务": ["投诉热线长时间无人接听"], "营业厅服务": ["投诉营业厅工作人员态度差"],
    "上门服务": ["投诉维修人员未按约定时间上门"], "水箱清洗": ["投诉二次供水水箱长期未清洗"],
    "加压设备": ["投诉加压设备故障导致高层无水"], "建议": ["建议增加线上缴费渠道"], "表扬": ["表扬维修师傅服务热情"],
    "其他": ["其他事项咨询"],
}


def _pick(rng: random.Random, options):  # noqa: ANN001, ANN202 - a str or a list
    # rng.choice and rng.randint cost about 1 us each in Python; 5 million tickets and a
    # million customers call them tens of millions of times (the bulk demo load, issue 7)
    return options[int(rng.random() * len(options))]


def _number(rng: random.Random, low: int, high: int) -> int:
    """low..high inclusive."""
    return low + int(rng.random() * (high - low + 1))


def person_name(rng: random.Random) -> str:
    return _pick(rng, SURNAMES) + "".join(_pick(rng, GIVEN) for _ in range(_number(rng, 1, 2)))


def business_name(rng: random.Random) -> str:
    return _pick(rng, COMPANY_HEADS) + _pick(rng, COMPANY_TAILS)


def address(rng: random.Random, district: str) -> str:
    estate = _pick(rng, ESTATE_HEADS) + _pick(rng, ESTATES)
    return (f"{district}{_pick(rng, ROADS)}{_number(rng, 1, 999)}号{estate}"
            f"{_number(rng, 1, 30)}栋{_number(rng, 1, 33)}{_number(rng, 1, 8):02d}室")


def mobile(rng: random.Random) -> str:
    return f"1{_pick(rng, '3456789')}{_number(rng, 0, 999999999):09d}"


def landline(rng: random.Random, area: str = "020") -> str:
    return f"{area}{_number(rng, 2, 8)}{_number(rng, 0, 9999999):07d}"


def shown(number: str, rng: random.Random) -> str:
    """The number as a person might have written it down: spaces, dashes, +86, or plain."""
    style = _number(rng, 0, 4)
    if number.startswith("1") and len(number) == 11:
        return [number, f"+86 {number[:3]} {number[3:7]} {number[7:]}", f"{number[:3]}-{number[3:7]}-{number[7:]}",
                f"0086{number}", f"{number[:3]} {number[3:]}"][style]
    area, local = (number[:3], number[3:]) if number[1] in "12" else (number[:4], number[4:])
    return [number, f"{area}-{local}", f"({area}){local}", f"+86 {area[1:]} {local[:4]} {local[4:]}", local][style]


def description(rng: random.Random, category_leaf: str) -> str:
    return _pick(rng, DESCRIPTIONS.get(category_leaf, DESCRIPTIONS["其他"]))
