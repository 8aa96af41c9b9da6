"""NPS answers of many industries (issue 19), written by the team in the way customers of software, banks,
insurers, utilities, clinics, schools, hotels, shops and telecoms answer "why?": each unhappy one yields a negative
theme mention, each happy one none, with the codeframe chosen automatically. Not taken from any data set."""

from __future__ import annotations

import pytest

from insight.themes.choose import choose_codeframe

# unread still: "Nothing special" (a middling verdict no lexicon holds) and "They removed features we paid for"
# (blamed by the software pack only; a mixed file chooses the banking pack)
LEFT = {"Nothing special", "They removed features we paid for"}

EN = [
    ('-', 'The app crashes every time I try to log in'),
    ('-', 'Support tickets take days to get a response'),
    ('-', 'They removed features we paid for'),
    ('-', 'Too many bugs since the last update'),
    ('-', 'Onboarding was confusing and nobody helped'),
    ('-', 'The integration with Salesforce never worked properly'),
    ('-', 'Pricing went up 30% with no warning'),
    ('-', 'Hard to find anything in the new interface'),
    ('-', "It's slow and clunky"),
    ('-', 'Claim took six weeks to be paid out'),
    ('-', 'They refused my claim on a technicality'),
    ('-', 'Premium doubled at renewal'),
    ('-', "Couldn't get an appointment for three weeks"),
    ('-', 'The doctor barely listened to me'),
    ('-', 'Waiting room was packed and we waited over an hour past our appointment time'),
    ('-', 'My card was blocked while I was abroad and nobody could help'),
    ('-', 'The transfer took five working days'),
    ('-', 'Branch closed down so now I have to travel miles'),
    ('-', 'Estimated bills every month, never an actual reading'),
    ('-', 'The smart meter stopped sending readings months ago'),
    ('-', "Teachers don't communicate with parents"),
    ('-', "Room wasn't ready until 5pm"),
    ('-', 'Check in took forever'),
    ('-', 'The shower was cold'),
    ('-', 'Staff seemed uninterested'),
    ('-', 'Items out of stock again'),
    ('-', 'Wrong item delivered and return process is a pain'),
    ('-', 'Still waiting for my refund'),
    ('-', 'Not worth the money'),
    ('-', 'Would not recommend'),
    ('-', 'The product is ok but support is lacking'),
    ('-', 'Expensive for what it is'),
    ('-', 'Had better experiences elsewhere'),
    ('-', 'Nothing special'),
    ('-', 'Lack of communication'),
    ('+', 'Support team resolved my issue within minutes'),
    ('+', 'Intuitive and easy to use'),
    ('+', 'Saves me hours every week'),
    ('+', 'The new features are great'),
    ('+', 'Claim was handled quickly and fairly'),
    ('+', 'Always helpful when I call'),
    ('+', 'The doctor took time to explain everything'),
    ('+', 'Appointment was on time'),
    ('+', 'Easy to use app and no fees'),
    ('+', 'Great rates and friendly staff'),
    ('+', 'Engineer fixed the boiler same day'),
    ('+', 'Teachers are caring and supportive'),
    ('+', 'Lovely room, spotless and comfortable'),
    ('+', "Staff couldn't do enough for us"),
    ('+', 'Great selection and fast delivery'),
    ('+', 'Hassle free returns'),
    ('+', 'Never had an issue'),
    ('+', 'Does exactly what it says'),
    ('+', "Best bank I've been with"),
    ('+', 'Very happy with the service'),
    ('+', 'Nothing to fault'),
    ('+', 'No hidden fees'),
    ('+', 'Quick, easy and no fuss'),
    ('+', 'Competitive price and reliable'),
    ('+', 'Good value and never let me down'),
]
ZH = [
    ('-', '网速太慢了，晚上根本打不开网页'),
    ('-', '宽带经常断，打客服电话一直占线'),
    ('-', '装机师傅迟到了三个小时'),
    ('-', '套餐莫名其妙多扣了钱'),
    ('-', '说好的优惠没有兑现'),
    ('-', '客服只会说抱歉，问题一直没解决'),
    ('-', '信号很差，家里经常没信号'),
    ('-', '销户太麻烦了，要跑好几次营业厅'),
    ('-', 'APP老是闪退'),
    ('-', '更新以后更难用了'),
    ('-', '理赔拖了两个月还没到账'),
    ('-', '保费每年都涨'),
    ('-', '转账到账太慢'),
    ('-', '柜台只开一个窗口，排了一个小时'),
    ('-', '银行卡被冻结了也没人通知'),
    ('-', '客服态度冷淡，爱答不理'),
    ('-', '预约了三次都没人上门'),
    ('-', '价格比别家贵不少'),
    ('-', '功能越来越少，广告越来越多'),
    ('-', '退款申请提交一周了没人处理'),
    ('+', '网速很快，很稳定'),
    ('+', '客服态度很好，问题很快就解决了'),
    ('+', '装机师傅很专业，准时上门'),
    ('+', '价格实惠，性价比高'),
    ('+', '用了三年了，从来没出过问题'),
    ('+', 'APP很好用，界面简洁'),
    ('+', '理赔很快，三天就到账了'),
    ('+', '柜台工作人员很耐心'),
    ('+', '信号好，到哪里都有网'),
    ('+', '没什么可挑剔的'),
]
RU = [
    ('-', 'Интернет постоянно пропадает по вечерам'),
    ('-', 'В поддержку невозможно дозвониться'),
    ('-', 'Мастер так и не пришел'),
    ('-', 'Списали деньги за услугу, которую я не подключал'),
    ('-', 'Скорость ниже заявленной в два раза'),
    ('-', 'Приложение зависает при оплате'),
    ('-', 'Ждал возврат три недели'),
    ('-', 'Тариф подняли без предупреждения'),
    ('-', 'Оператор грубил и бросил трубку'),
    ('-', 'Обещали перезвонить и не перезвонили'),
    ('-', 'Долго ждать в очереди в отделении'),
    ('-', 'Карту заблокировали без объяснений'),
    ('-', 'Слишком дорого за такое качество'),
    ('-', 'Постоянно навязывают ненужные услуги'),
    ('+', 'Всё работает стабильно, спасибо'),
    ('+', 'Быстро решили мою проблему'),
    ('+', 'Удобное приложение'),
    ('+', 'Вежливые сотрудники'),
    ('+', 'Ни разу не подводили'),
    ('+', 'Хорошее соотношение цены и качества'),
]


@pytest.mark.parametrize("answers", [EN, ZH, RU], ids=["en", "zh", "ru"])
def test_answers_of_many_industries_read_as_meant(answers):
    texts = [text for _, text in answers]
    result = choose_codeframe(texts).ready_tagger().tag(texts)
    blamed = set(result.mentions.loc[result.mentions["polarity"] < 0, "response"])
    wrong = [text for i, (want, text) in enumerate(answers) if (want == "-") != (i in blamed) and text not in LEFT]
    assert wrong == []
