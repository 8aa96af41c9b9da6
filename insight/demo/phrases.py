"""Phrase templates of the demo survey, written by the team (no real customer text).

``PHRASES[theme][polarity][lang]`` lists phrases; polarity is ``"neg"``, ``"pos"`` or ``"neu"``
(neutral/mixed). Languages: ``en``, ``zh-Hans``, ``zh-Hant``, ``ru``.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, dict[str, list[str]]]] = {
    "delivery": {
        "neg": {
            "en": [
                "delivery took almost three weeks",
                "the parcel arrived damaged and the box was crushed",
                "tracking said delivered but nothing came",
                "the courier was rude and left the package in the rain",
                "shipping was way slower than promised",
                "my order was late again",
            ],
            "zh-Hans": [
                "快递太慢了，等了差不多三个星期",
                "包裹到的时候已经压坏了",
                "物流信息显示已签收，但是我根本没收到",
                "快递员态度很差，直接把包裹扔在门口",
                "发货比承诺的慢多了",
                "配送又延误了",
            ],
            "zh-Hant": [
                "物流太慢了，等了快三個星期",
                "包裹送到時已經壓壞了",
                "追蹤顯示已送達，但我根本沒收到",
                "送貨員態度很差，把包裹丟在門口",
                "出貨比承諾的慢很多",
                "配送又延誤了",
            ],
            "ru": [
                "доставка заняла почти три недели",
                "посылка пришла повреждённой, коробка смята",
                "в отслеживании написано доставлено, но ничего не пришло",
                "курьер грубил и оставил посылку под дождём",
                "доставка намного медленнее, чем обещали",
                "заказ опять опоздал",
            ],
        },
        "pos": {
            "en": [
                "fast delivery, arrived the next day",
                "shipping was quick and tracking was accurate",
                "the courier was friendly and on time",
                "super fast shipping",
            ],
            "zh-Hans": [
                "物流很快，第二天就到了",
                "发货速度快，物流信息很准确",
                "快递小哥很热情，准时送到",
                "配送超级快",
            ],
            "zh-Hant": [
                "物流很快，隔天就到了",
                "出貨速度快，追蹤資訊很準確",
                "送貨員很親切，準時送達",
                "配送超級快",
            ],
            "ru": [
                "быстрая доставка, пришло на следующий день",
                "доставили быстро, отслеживание точное",
                "курьер вежливый и приехал вовремя",
                "очень быстрая доставка",
            ],
        },
        "neu": {
            "en": ["delivery was ok but not very fast", "shipping could be quicker"],
            "zh-Hans": ["物流一般，不算快", "发货可以再快一点"],
            "zh-Hant": ["物流普通，不算快", "出貨可以再快一點"],
            "ru": ["доставка нормальная, но не очень быстрая", "доставку можно было бы ускорить"],
        },
    },
    "customer_service": {
        "neg": {
            "en": [
                "customer service never answered my emails",
                "I waited 40 minutes on hold and nobody picked up",
                "the support agent was unhelpful and rude",
                "my complaint was never resolved",
            ],
            "zh-Hans": [
                "客服一直不回复邮件",
                "打客服电话等了四十分钟都没人接",
                "客服态度很差，一点也不耐心",
                "投诉到现在都没解决",
            ],
            "zh-Hant": [
                "客服一直不回覆郵件",
                "打客服電話等了四十分鐘都沒人接",
                "客服態度很差，一點也不耐心",
                "客訴到現在都沒解決",
            ],
            "ru": [
                "служба поддержки так и не ответила на письма",
                "ждал на линии 40 минут, никто не ответил",
                "оператор был груб и ничем не помог",
                "мою жалобу так и не решили",
            ],
        },
        "pos": {
            "en": [
                "customer service was friendly and solved my problem quickly",
                "the support team was very helpful",
                "great service from the staff in the store",
                "the agent on the chat was patient and kind",
            ],
            "zh-Hans": [
                "客服很热情，很快就解决了问题",
                "售后服务非常好",
                "门店店员服务很周到",
                "在线客服很耐心",
            ],
            "zh-Hant": [
                "客服很親切，很快就解決了問題",
                "售後服務非常好",
                "門市店員服務很周到",
                "線上客服很有耐心",
            ],
            "ru": [
                "поддержка вежливая и быстро решила проблему",
                "служба поддержки очень помогла",
                "отличное обслуживание в магазине",
                "оператор в чате был терпеливым и вежливым",
            ],
        },
        "neu": {
            "en": ["support answered eventually", "service was fine, nothing special"],
            "zh-Hans": ["客服最后还是回复了", "服务还行，没什么特别的"],
            "zh-Hant": ["客服最後還是回覆了", "服務還行，沒什麼特別的"],
            "ru": ["поддержка в итоге ответила", "обслуживание нормальное, ничего особенного"],
        },
    },
    "price": {
        "neg": {
            "en": [
                "prices are too high compared to other shops",
                "the delivery fee is ridiculous",
                "too expensive for what you get",
                "hidden fees at the end",
            ],
            "zh-Hans": ["价格比别家贵太多", "运费太贵了", "性价比太低", "结账时有隐藏费用"],
            "zh-Hant": ["價格比別家貴太多", "運費太貴了", "性價比太低", "結帳時有隱藏費用"],
            "ru": [
                "цены выше, чем в других магазинах",
                "стоимость доставки просто смешная",
                "слишком дорого за такое качество",
                "скрытые комиссии в конце",
            ],
        },
        "pos": {
            "en": ["great value for money", "good prices and nice discounts", "cheaper than anywhere else"],
            "zh-Hans": ["性价比很高", "价格实惠，还有折扣", "比别的地方便宜"],
            "zh-Hant": ["性價比很高", "價格實惠，還有折扣", "比別的地方便宜"],
            "ru": ["отличное соотношение цены и качества", "хорошие цены и скидки", "дешевле, чем где-либо"],
        },
        "neu": {
            "en": ["a bit pricey", "prices are ok but not cheap"],
            "zh-Hans": ["价格有点贵", "价格还可以，但不便宜"],
            "zh-Hant": ["價格有點貴", "價格還可以，但不便宜"],
            "ru": ["немного дороговато", "цены нормальные, но не дешёвые"],
        },
    },
    "product_quality": {
        "neg": {
            "en": [
                "the product broke after two days",
                "poor quality, the stitching came apart",
                "the size was completely wrong",
                "it stopped working after a week",
            ],
            "zh-Hans": ["东西用了两天就坏了", "质量太差，线头都开了", "尺码完全不对", "用了一个星期就不能用了"],
            "zh-Hant": ["東西用了兩天就壞了", "品質太差，線頭都開了", "尺寸完全不對", "用了一個星期就不能用了"],
            "ru": [
                "товар сломался через два дня",
                "плохое качество, швы разошлись",
                "размер совсем не подошёл",
                "перестал работать через неделю",
            ],
        },
        "pos": {
            "en": [
                "excellent quality, feels very durable",
                "the product is exactly as described",
                "fits perfectly and looks great",
                "really well made",
            ],
            "zh-Hans": ["质量非常好，很耐用", "跟描述的一模一样", "尺码合适，很好看", "做工很精细"],
            "zh-Hant": ["品質非常好，很耐用", "跟描述的一模一樣", "尺寸剛好，很好看", "做工很精細"],
            "ru": [
                "отличное качество, очень прочный",
                "товар полностью соответствует описанию",
                "сидит идеально и выглядит отлично",
                "очень качественно сделано",
            ],
        },
        "neu": {
            "en": ["quality is average", "the product is ok for the price"],
            "zh-Hans": ["质量一般", "这个价格的话质量还行"],
            "zh-Hant": ["品質普通", "這個價格的話品質還行"],
            "ru": ["качество среднее", "за эти деньги товар нормальный"],
        },
    },
    "range_stock": {
        "neg": {
            "en": ["the item I wanted was out of stock again", "small selection, nothing in my size"],
            "zh-Hans": ["想买的东西又缺货了", "款式太少，没有我的尺码"],
            "zh-Hant": ["想買的東西又缺貨了", "款式太少，沒有我的尺寸"],
            "ru": ["нужного товара опять нет в наличии", "маленький выбор, нет моего размера"],
        },
        "pos": {
            "en": ["huge selection of products", "everything I needed was in stock"],
            "zh-Hans": ["商品种类很多", "需要的东西都有货"],
            "zh-Hant": ["商品種類很多", "需要的東西都有貨"],
            "ru": ["огромный выбор товаров", "всё нужное было в наличии"],
        },
        "neu": {
            "en": ["the range could be bigger"],
            "zh-Hans": ["品类可以再多一些"],
            "zh-Hant": ["品項可以再多一些"],
            "ru": ["ассортимент мог бы быть шире"],
        },
    },
    "website_app": {
        "neg": {
            "en": [
                "the app keeps crashing when I open the cart",
                "the website is slow and confusing",
                "search on the app never finds anything",
                "the app logged me out three times",
            ],
            "zh-Hans": ["APP一打开购物车就闪退", "网站很慢，也不好用", "APP搜索功能找不到东西", "APP老是自动退出登录"],
            "zh-Hant": ["APP一打開購物車就閃退", "網站很慢，也不好用", "APP搜尋功能找不到東西", "APP老是自動登出"],
            "ru": [
                "приложение вылетает при открытии корзины",
                "сайт медленный и неудобный",
                "поиск в приложении ничего не находит",
                "приложение три раза выкидывало из аккаунта",
            ],
        },
        "pos": {
            "en": ["the app is easy to use", "the website is clean and fast"],
            "zh-Hans": ["APP很好用", "网站界面简洁，速度快"],
            "zh-Hant": ["APP很好用", "網站介面簡潔，速度快"],
            "ru": ["приложение удобное", "сайт понятный и быстрый"],
        },
        "neu": {
            "en": ["the app is fine but could be faster"],
            "zh-Hans": ["APP还行，就是有点慢"],
            "zh-Hant": ["APP還行，就是有點慢"],
            "ru": ["приложение нормальное, но могло бы быть быстрее"],
        },
    },
    "payment_checkout": {
        "neg": {
            "en": ["payment failed twice at checkout", "my card was charged twice"],
            "zh-Hans": ["结账时支付失败了两次", "信用卡被扣了两次钱"],
            "zh-Hant": ["結帳時付款失敗了兩次", "信用卡被扣了兩次款"],
            "ru": ["оплата дважды не прошла при оформлении", "с карты списали деньги два раза"],
        },
        "pos": {
            "en": ["checkout was quick and easy", "lots of payment options"],
            "zh-Hans": ["结账很方便", "支付方式很多"],
            "zh-Hant": ["結帳很方便", "付款方式很多"],
            "ru": ["оформление заказа быстрое и простое", "много способов оплаты"],
        },
        "neu": {"en": ["checkout is ok"], "zh-Hans": ["结账还可以"], "zh-Hant": ["結帳還可以"], "ru": ["оплата нормальная"]},
    },
    "returns_refunds": {
        "neg": {
            "en": ["still waiting for my refund after a month", "the return process is a nightmare"],
            "zh-Hans": ["退款一个月了还没到账", "退货流程太麻烦了"],
            "zh-Hant": ["退款一個月了還沒入帳", "退貨流程太麻煩了"],
            "ru": ["жду возврат денег уже месяц", "оформить возврат просто невозможно"],
        },
        "pos": {
            "en": ["returns were easy and the refund came fast", "free returns, no questions asked"],
            "zh-Hans": ["退货很方便，退款也很快", "免费退换，很省心"],
            "zh-Hant": ["退貨很方便，退款也很快", "免費退換，很省心"],
            "ru": ["вернуть товар было легко, деньги пришли быстро", "бесплатный возврат без лишних вопросов"],
        },
        "neu": {
            "en": ["the return took a while but worked"],
            "zh-Hans": ["退货花了点时间，不过还是退了"],
            "zh-Hant": ["退貨花了點時間，不過還是退了"],
            "ru": ["возврат занял время, но всё получилось"],
        },
    },
    "communication": {
        "neg": {
            "en": ["too many marketing emails", "nobody told me my order was delayed"],
            "zh-Hans": ["营销短信太多了", "订单延误了也没人通知我"],
            "zh-Hant": ["行銷簡訊太多了", "訂單延誤了也沒人通知我"],
            "ru": ["слишком много рекламных рассылок", "никто не сообщил, что заказ задерживается"],
        },
        "pos": {
            "en": ["clear updates about my order"],
            "zh-Hans": ["订单状态通知很及时"],
            "zh-Hant": ["訂單狀態通知很及時"],
            "ru": ["понятные уведомления о заказе"],
        },
        "neu": {"en": ["emails are ok"], "zh-Hans": ["通知还行"], "zh-Hant": ["通知還行"], "ru": ["рассылки нормальные"]},
    },
    "packaging": {
        "neg": {
            "en": ["way too much plastic packaging", "the packaging was torn"],
            "zh-Hans": ["包装太简陋了", "外包装破了"],
            "zh-Hant": ["包裝太簡陋了", "外包裝破了"],
            "ru": ["слишком много пластиковой упаковки", "упаковка была порвана"],
        },
        "pos": {
            "en": ["lovely packaging, great as a gift"],
            "zh-Hans": ["包装很精美，送人很合适"],
            "zh-Hant": ["包裝很精美，送人很合適"],
            "ru": ["красивая упаковка, отлично для подарка"],
        },
        "neu": {"en": ["packaging is fine"], "zh-Hans": ["包装还行"], "zh-Hant": ["包裝還行"], "ru": ["упаковка обычная"]},
    },
    "loyalty": {
        "neg": {
            "en": ["the loyalty points expired without warning", "the promo code did not work"],
            "zh-Hans": ["积分没提醒就过期了", "优惠券用不了"],
            "zh-Hant": ["點數沒提醒就過期了", "優惠券不能用"],
            "ru": ["бонусы сгорели без предупреждения", "промокод не сработал"],
        },
        "pos": {
            "en": ["love the loyalty program", "the member discounts are great"],
            "zh-Hans": ["会员积分很划算", "会员折扣很给力"],
            "zh-Hant": ["會員點數很划算", "會員折扣很給力"],
            "ru": ["нравится программа лояльности", "отличные скидки для постоянных клиентов"],
        },
        "neu": {
            "en": ["the points program is ok"],
            "zh-Hans": ["积分活动一般"],
            "zh-Hant": ["點數活動普通"],
            "ru": ["бонусная программа так себе"],
        },
    },
}

# Answers that say nothing: kept and counted, never tagged.
FILLERS: dict[str, list[str]] = {
    "en": ["n/a", "N/A", "nothing", "no comment", "-", "none", "."],
    "zh-Hans": ["无", "没有", "暂无", "无意见"],
    "zh-Hant": ["無", "沒有", "暫無"],
    "ru": ["нет", "ничего", "без комментариев", "-"],
}

EMOJI = ["👍", "👍👍", "😡", "🙂", "😐", "❤️", "👎", "😊😊😊", "🤬"]

OPENERS: dict[str, dict[str, list[str]]] = {
    "en": {"pos": ["Love it!", "Great experience.", ""], "neg": ["Very disappointed.", "Never again.", ""], "neu": ["", "Mostly fine."]},
    "zh-Hans": {"pos": ["非常满意！", "体验很好。", ""], "neg": ["非常失望。", "不会再买了。", ""], "neu": ["", "总体还行。"]},
    "zh-Hant": {"pos": ["非常滿意！", "體驗很好。", ""], "neg": ["非常失望。", "不會再買了。", ""], "neu": ["", "整體還行。"]},
    "ru": {"pos": ["Всё супер!", "Отличный опыт.", ""], "neg": ["Очень разочарован.", "Больше не закажу.", ""], "neu": ["", "В целом нормально."]},
}

# Contact details some customers leave in their comment (all invented; example.com is reserved).
PII: dict[str, list[str]] = {
    "en": ["please call me on +1 415 555 0134", "email me at jane.doe@example.com"],
    "zh-Hans": ["请联系我 13812345678", "邮箱 wang.li@example.com"],
    "zh-Hant": ["請聯絡我 0912 345 678", "信箱 chen.mei@example.com"],
    "ru": ["позвоните мне +7 912 345-67-89", "пишите на ivan.petrov@example.com"],
}

REGIONS: dict[str, list[str]] = {
    "en": ["North America", "UK & Ireland", "Australia"],
    "zh-Hans": ["Mainland China"],
    "zh-Hant": ["Taiwan", "Hong Kong"],
    "ru": ["Russia", "Kazakhstan"],
}
