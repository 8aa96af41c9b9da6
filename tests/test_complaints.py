"""Complaints without a sentiment word: non-events, waiting, durations, repetition (issue 19).

Hand-written sentences of the kinds NPS detractors write; each list also holds the look-alikes a
promoter writes, which must not read as complaints.
"""

from __future__ import annotations

import pytest

from insight.text.complaints import complaint
from insight.text.nlp import Analysed
from insight.text.normalize import matching_form
from insight.text.polarity import judge


def lemmas(text: str, lang: str):
    return Analysed(lang, matching_form(text, lang)).reading  # (as the tagger reads them)


COMPLAINTS = [
    # session 35
    ("en", "your mobile app logs me out every 5 minutes"), ("en", "my application has been sitting there for a month"),
    ("en", "the refund has been pending for 3 weeks"), ("en", "they cut me off for no apparent reason"),
    ("en", "the renewal quote was £200 more than last year"), ("en", "Self checkouts always need assistance"),
    ("en", "Ordered a size 12 got a size 8"), ("en", "ordered the blue one and they sent the red one"),
    ("en", "Parcel left in the rain outside my door"), ("en", "The live chat just sends you links to FAQs"),
    ("en", "The engineer left cables trailing everywhere"), ("zh", "也不提前通知"), ("zh", "没有及时处理"),
    ("zh", "从来不回复"), ("ru", "Заказ пришёл не полностью"), ("ru", "половины товаров нет"),
    ("ru", "Поддержка отвечает шаблонами"), ("en", "They apologised but nothing changed"),
    ("en", "I complained and nothing happened"),
    ("en", "company don't reply to phonecalls"), ("en", "call for help taking 35 minutes to answer"),
    ("en", "23 weeks ago and still don't have a line"), ("en", "no one called back"), ("en", "it never arrived"),
    ("en", "the engineer cancelled four times"), ("en", "had to call back twice"), ("en", "on hold for 40 minutes"),
    ("en", "support is non-existent"), ("en", "Nobody has got back to me"), ("en", "the broadband keeps dropping out"),
    ("en", "no internet for two weeks"), ("en", "took three weeks to connect us"),
    ("en", "I really wanted to love this sweater"), ("en", "had high hopes for this top"), ("en", "I expected more"),
    ("en", "this sweater let me down"), ("en", "the dress fell flat"), ("en", "it leaves a lot to be desired"),
    ("en", "wasn't what I was hoping for"), ("en", "the hem fell apart"), ("en", "it doesn't fit"),
    ("en", "didn't even last a week"),
    ("en", "the leggings are see-through"), ("en", "you can see right through it"),
    ("en", "the sleeves are way too short"), ("en", "too much fabric in the back"), ("en", "the call took too long"),
    ("en", "absolutely no in-flight entertainment"), ("en", "no IFE on a five hour flight"), ("en", "no more snacks"),
    ("en", "needs improvement"), ("en", "there is room for improvement"), ("en", "could have been better"),
    ("en", "they need to work on their app"), ("en", "the website should be fixed"), ("en", "big with no shape"),
    ("en", "they need to sort out their customer service"), ("en", "the price went up without warning"),
    ("en", "they treat new customers better"), ("en", "deals for new customers only"),
    ("en", "staff don't know what they are doing"), ("en", "took a month to fix a simple fault"),
    ("en", "support tickets take days to get a response"), ("en", "couldn't get an appointment for three weeks"),
    ("en", "the transfer took five working days"), ("en", "the smart meter stopped sending readings"),
    ("en", "teachers don't communicate with parents"), ("en", "items out of stock again"),
    ("en", "lack of communication"), ("en", "support is lacking"), ("en", "had better experiences elsewhere"),
    ("en", "premium doubled at renewal"), ("en", "never got a refund"),
    ("en", "so I returned it"), ("en", "had to return them"), ("en", "nice style, took it back"),
    ("en", "sent it back"), ("en", "it has a strong chemical smell"), ("en", "the room smelled of smoke"),
    ("en", "nobody seems to know what's going on"), ("en", "paying for speeds I never get"),
    ("en", "the hub had to be replaced twice"),
    ("en", "can't stream anything in the evenings"), ("en", "couldn't log in for days"),
    ("en", "download speeds are a fraction of what I pay for"),
    ("en", "Been with you 12 years, thinking of leaving"), ("en", "moving to another provider as soon as I can"),
    ("en", "leaving as soon as my contract ends"), ("en", "looking to cancel my contract"),
    ("en", "won't be renewing"), ("en", "was told the engineer would call before arriving but he never did"),
    ("en", "they said they would ring back but didn't"), ("en", "the speed test says one thing, reality another"),
    ("en", "constantly trying to sell me things I don't need"), ("en", "you couldn't provide the service"),
    ("en", "signed up for 900mb, getting about 200"), ("en", "paying for 500 Mbps and I get 60"),
    ("en", "left me without a landline for a month"),
    ("en", "Broadband is fine, customer service not so much"), ("en", "It's alright, but I've had better"),
    ("en", "Fine when it works"), ("en", "It works, most of the time"), ("en", "nothing to shout about"),
    ("en", "they don't do what they say they will"), ("en", "been trying to get it fixed for weeks"),
    ("en", "been trying to reach them for weeks"), ("en", "trying to sort this for 3 weeks"),
    ("en", "zero customer service"), ("en", "no humans to talk to"), ("en", "no one takes responsibility"),
    ("en", "paying for a service I didn't get for a month"),
    ("en", "not what was sold to me"), ("en", "letters chasing money I don't owe"), ("en", "direct debit taken twice"),
    ("en", "their router can't cope with more than a few devices"), ("en", "they switched my package without asking"),
    ("zh", "还没到"), ("zh", "等了一个多小时才送到"), ("zh", "打了三次电话没人接"), ("zh", "客服不回复"), ("zh", "迟迟不发货"),
    ("zh", "没有想象中的好"), ("zh", "并不像宣传的那么神奇"), ("zh", "不如大家说的那么好"),
    ("zh", "键盘太软"), ("zh", "屏幕太暗"), ("zh", "操作过于复杂"), ("zh", "催了好几次"), ("zh", "没信号"), ("zh", "经常掉线"), ("zh", "至今没有退款"), ("zh", "申请退款没人处理"),
    ("zh", "实在看不下去"), ("zh", "读不下去了"), ("zh", "看不进去"), ("zh", "宽带经常断"), ("zh", "老是卡"),
    ("zh", "保费每年都涨"), ("zh", "价格又涨了"), ("zh", "备注了不要香菜还是放了"),
    ("zh", "房间味道太大"), ("zh", "一打开书的味道很大"), ("zh", "裤子的气味非常大"), ("zh", "异味大"),
    ("zh", "跟图片完全不一样"), ("zh", "与宣传的不同"), ("zh", "苹果和图片大不一样"), ("zh", "和图片上的差距很大"),
    ("zh", "跟客服说的不一致"), ("zh", "备注不要葱，结果全是葱"),
    ("zh", "晚了四十分钟"), ("zh", "迟了半小时"), ("zh", "跟客服说了好几次都没用"),
    ("zh", "也不打个电话"), ("zh", "图片上那么多，实际就一点点"), ("zh", "一份就几块肉"), ("zh", "辣椒比肉还多"),
    ("zh", "骨头比肉多"), ("zh", "备注了多放辣，一点都不辣"), ("zh", "说是四十分钟送达，结果一个多小时"),
    ("zh", "说好的次日达，结果第三日才送到"),
    ("zh", "明明写着有鸡蛋，结果没有"), ("zh", "和宣传的完全是两回事"),
    ("zh", "鸡肉全是骨头，没几块肉"), ("zh", "送来的饮料只有半杯"), ("zh", "还没到就点了已送达"),
    ("en", "the router needs resetting constantly"), ("en", "the wifi drops out randomly"),
    ("en", "sold me a package I didn't need"), ("en", "they keep selling me things I don't want"),
    ("en", "bill is higher than quoted"), ("en", "charged more than I was told"),
    ("en", "charged for things I never ordered"),
    ("en", "paying for channels I never asked for"), ("en", "no loyalty discount for existing customers"),
    ("en", "you can never speak to the same person twice"), ("en", "couldn't talk to a human"),
    ("zh", "半个小时的路送了两个小时"), ("zh", "商家不接电话"), ("zh", "鸡块都是面粉"), ("zh", "里面全是骨头"),
    ("zh", "下单一个小时了才出餐"), ("zh", "外卖员把我的饭送到了别的楼"), ("zh", "这次太油了"),
    ("en", "took money twice this month"), ("en", "billing cannot get anything right"), ("en", "prices rising again"),
    ("en", "there are cheaper options"), ("en", "the broadband is fine, the customer service is not"),
    ("en", "took a few attempts to get it working"), ("zh", "比上次差一点"), ("zh", "等得有点久"), ("zh", "送餐时间太久"),
    ("en", "the speed test shows 12mb when im paying for 150"), ("en", "they made me sign a new contract"),
    ("en", "the engineer didn't even knock"), ("en", "I have to turn the router off and on again"),
    ("en", "never again"),
    ("en", "small print designed to catch you out"),
    ("en", "I was on the phone for an hour"), ("en", "getting nowhere with them"),
    ("en", "my data runs out too quickly"),
    ("en", "the 5G they advertise doesn't exist where I live"),
    ("en", "three weeks to answer an email"), ("en", "charged me for a router I had already sent back"),
    ("en", "the app keeps logging me out"), ("en", "a credit that has never been applied"), ("zh", "虾仁只有三个"),
    ("en", "been trying to get a refund since March"), ("en", "the hub has to be restarted most mornings"),
    ("ru", "уже третий день не отвечают"), ("ru", "никто не перезвонил"), ("ru", "так и не пришел мастер"),
    ("ru", "звонил пять раз"), ("ru", "висел на линии 40 минут"), ("ru", "до сих пор нет интернета"),
    ("ru", "постоянно пропадает связь"), ("ru", "не могу дозвониться"), ("ru", "не берут трубку"),
    ("ru", "порции слишком маленькие"), ("ru", "чересчур долго несли"), ("ru", "деньги списали дважды"),
    ("ru", "нужно улучшить поддержку"), ("ru", "цены выросли без предупреждения"),
    ("ru", "списали деньги за услугу, которую я не подключал"), ("ru", "скорость ниже заявленной в два раза"),
    # session 37: the goes it took, being passed around, a price that went up, a word broken, weeks of trying
    ("en", "Took three goes to get it right"), ("en", "kept getting passed around"), ("en", "the price went up 20%"),
    ("zh", "买的时候说包安装，结果安装要另外收费"), ("zh", "办卡的时候说没有年费，结果第二年就扣了年费"),
    ("ru", "три месяца пытаюсь расторгнуть договор"), ("ru", "деньги продолжают списывать"),
    ("ru", "оставил посылку у двери, хотя я просил передать лично в руки"), ("zh", "自动续费也不提醒"),
    ("en", "not the speed advertised"), ("en", "it's not the price I was quoted"),
    ("en", "I was never told about the fee"), ("en", "they did not tell me about the fee"),
    # session 38: a long time on the phone, a mess left, left to cope alone, fobbed off, a hang-up, huge queues
    ("en", "over an hour on the phone to get an answer"), ("en", "45 minutes on the line"),
    ("en", "the install left a cable hanging across my front wall"), ("en", "We were left to figure it out ourselves."),
    ("en", "they left us to sort it out on our own"), ("en", "support just sent a link to the docs"),
    ("en", "they just referred me to another department"), ("ru", "оператор бросил трубку"),
    ("ru", "в отделении огромные очереди"), ("en", "wifi keeps droping out every evening"),
    ("en", "estimated bills even though i send readings every month"), ("en", "they owe me £240 credit"),
    ("en", "chat support just copy and pastes the same answer"), ("zh", "师傅上门要收材料费，之前没说过"),
    ("ru", "Списали комиссию, о которой нигде не было написано"), ("ru", "Приложение постоянно выкидывает"),
    ("zh", "点的大份给的小份"), ("zh", "点的可乐送的雪碧"), ("en", "no1 ever picks up the phone"),
    ("zh", "宽带装了半个月还没装好"), ("zh", "退款一个月还没下来"),
]
NOT_COMPLAINTS = [
    ("en", "never had to call them"), ("en", "arrived within 2 days"), ("en", "took 10 minutes to set up"),
    ("en", "no problems at all"), ("en", "I didn't have to wait more than 5 minutes"),
    ("en", "been with them for 10 years"), ("en", "visited many times, always great"), ("en", "keep up the good work"),
    ("en", "no need to chase"), ("en", "only took 2 days"), ("en", "waited 2 minutes"),
    ("en", "better than expected"), ("en", "I hope you like it as much as I do"), ("en", "I want to thank Sarah"),
    ("en", "love it, me too"), ("en", "it too is lovely"), ("en", "too good to be true"), ("en", "not too tight"),
    ("en", "I don't think it is too long"), ("en", "the bigger size would have been too big"),
    ("en", "I was worried it would be too short"), ("en", "it has not fallen apart"), ("en", "not see-through"),
    ("en", "I had to write a review, I love it"), ("en", "they have never let me down"),
    ("en", "no problems with the wifi"), ("en", "I am no food critic"), ("en", "no extra charge for the blanket"),
    ("en", "could not be better"), ("en", "they have improved a lot"), ("en", "they can fix anything"),
    ("en", "no wifi problems"), ("en", "they sorted out my problem quickly"), ("en", "they hire great people"),
    ("en", "a great deal as a new customer"), ("en", "I don't know what to do with all the choice"),
    ("en", "no lack of choice"), ("en", "a double room with a view"), ("en", "as others have said elsewhere"),
    ("en", "better than elsewhere"), ("en", "got an appointment the next day"), ("en", "arrived in 2 working days"),
    ("en", "they stopped charging me the fee"),
    ("en", "easy to return"), ("en", "you can return it if it doesn't suit"), ("en", "they took us back to the hotel"),
    ("en", "I returned it for a smaller size and love it"), ("en", "no weird smell"), ("en", "smells lovely"),
    ("en", "a strong fabric"),
    ("en", "they fixed it twice as fast as promised"), ("en", "I never get bored of it"),
    ("en", "all at a fraction of the price"), ("en", "I can't wait to go back"),
    ("en", "helpful staff, no waiting on hold"),
    ("en", "no reason to leave"), ("en", "I'll leave a review"), ("en", "switched from BT and never looked back"),
    ("en", "I was worried about switching, but it was painless"), ("en", "will be switching my mum to them too"),
    ("en", "we are moving house next month"), ("en", "you can cancel any time"),
    ("en", "I was worried it would drop out but it never did"), ("en", "they didn't try to upsell"),
    ("en", "I pay for 100mb and get 95"), ("en", "paid 30 pounds and got 3 months free"),
    ("en", "they try to push you out the door"), ("en", "without a doubt the best"), ("en", "without any problems"),
    ("en", "Not once have I had to chase them"), ("en", "it's rare to have to contact them"),
    ("en", "I've never had better"), ("en", "I don't use it so much"), ("en", "not so much a problem, more a quirk"),
    ("en", "it just works"), ("en", "it works all the time"),
    ("en", "zero issues"), ("en", "I tried it for weeks and love it"), ("en", "used it for weeks"),
    ("en", "You get what you pay for, and it's worth it"),
    ("en", "they always fix things quickly"), ("en", "support sorted it without an engineer visit"),
    ("en", "drinks were served without passengers asking"), ("en", "fixed it without even asking"),
    ("zh", "还没用，看起来不错"), ("zh", "不到一小时就送到了"), ("zh", "不管怎样都好"), ("zh", "没出现问题"),
    ("zh", "两天就到了"), ("zh", "不用等"), ("zh", "没想到这么好"), ("zh", "没有想象中的差"),
    ("zh", "不是太软"), ("zh", "太轻了，携带方便"), ("zh", "分量太大了"), ("zh", "看了就停不下来"),
    ("ru", "не пришлось ждать"), ("ru", "ни разу не подвел"), ("ru", "доставили за два дня"),
    ("ru", "пользуюсь три года"), ("ru", "долго не могли решить, что заказать"), ("ru", "не первый раз приходим"),
    ("ru", "ждать 1-2 минуты, не больше"), ("ru", "не слишком шумно"), ("ru", "слишком вкусно, чтобы остановиться"),
    ("ru", "стоит попробовать"), ("ru", "дважды заказывал, всё отлично"), ("ru", "скорость выше заявленной"),
    ("zh", "从来不掉线"), ("zh", "收到货的时候居然涨了200元"), ("zh", "又快又好"), ("zh", "按备注做的，还是很好吃"),
    ("zh", "味道不大"), ("zh", "味道不太大"), ("zh", "酸味儿大于甜味儿"), ("zh", "份量大味道好"), ("zh", "奶味很浓"),
    ("zh", "跟图片一样"), ("zh", "和图片没什么差别"), ("zh", "色调与图片相差不大"), ("zh", "和描述的差别不是很大"),
    ("zh", "备注少放辣，结果很好吃"),
    ("zh", "早了十分钟"),
    ("zh", "备注了不要葱，没有放葱，很好"), ("zh", "说是可以，结果很好吃"), ("zh", "加一点点糖就好"),
    ("zh", "肉比别家多"), ("zh", "就一点点钱"), ("zh", "才几块钱，很划算"),
    ("zh", "还没到预计时间就送来了"), ("zh", "没到半小时就送到了"), ("zh", "没几分钟就到了"),
    ("en", "my old provider kept dropping out, this one never has"), ("en", "my previous supplier never called back"),
    ("en", "they sold me exactly what I needed"), ("en", "whenever it drops they always fix it"),
    ("en", "the speed is higher than advertised"), ("en", "I pay for what I use and never use the extras"),
    ("en", "I rarely have to contact them"), ("en", "I never had to speak to anyone"),
    ("zh", "送了半个小时"), ("zh", "送了二十分钟就到了"), ("zh", "全是肉，很实在"),
    ("zh", "比别的家好吃"), ("zh", "半小时就送到了"), ("en", "no price rises in 3 years"), ("en", "twice as fast"),
    ("en", "it's a cheap option and works well"), ("en", "fixed at the first attempt"), ("en", "whether it is or not"),
    ("zh", "不用等太久，很快"),
    ("en", "the staff made me smile"), ("en", "getting 140mb and paying for 150"),
    ("en", "I didn't even notice the switch"),
    ("en", "not even once"), ("en", "fixed it without even asking"),
    ("en", "they answered the phone within 2 minutes"), ("en", "my data never runs out"),
    ("en", "I ran out of things to say"),
    ("en", "3 weeks to go until my contract ends"), ("en", "it's already fixed"), ("zh", "只有三个人"),
    ("zh", "也就两个姑娘家"), ("zh", "才几块钱"),
    ("en", "happy since I joined"), ("zh", "找了很久终于找到这家好店"),
    # session 35: what the new cues of a batch are not
    ("en", "no reason to complain"), ("en", "ordered on Monday and got it Tuesday"),
    ("en", "ordered a large and got a large"),
    ("en", "been sat by the pool for 2 hours, bliss"), ("en", "I always need help with my account and they are great"),
    ("en", "we get a statement every 3 months"), ("en", "ordered two shirts, got two shirts"),
    ("en", "a small price rise this year"), ("en", "they just sent me a link and it was sorted"),
    ("zh", "不用提前预约"), ("ru", "удобные шаблоны"), ("ru", "не полностью согласен, но в целом хорошо"),
    ("en", "Nothing has changed in years, still great"),
    ("en", "Had a couple of drop outs in the first week, none since"),
    ("en", "Installation was rescheduled once, after that everything went like clockwork"),
    ("en", "it was sorted in one go"), ("en", "prices have not gone up in years"), ("en", "had a go at it myself"),
    ("en", "the price went up a little"), ("en", "showed us features we didn't know existed"),
    ("zh", "朋友说很好吃，结果真的很好吃"), ("zh", "客服说明天到，结果第二天就到了"), ("ru", "три месяца пользуюсь"),
    ("ru", "хотя я думал, что будет дорого, всё отлично"), ("zh", "不用提醒，很准时"),
    ("en", "not the cheapest but the best"), ("en", "I did not tell the engineer"),
    ("en", "we never called them, they called us"),
    # session 38
    ("en", "works from home every day with no drops"), ("en", "10 minutes on the phone and sorted"),
    ("en", "didn't leave a single wire hanging"), ("en", "they never left us to fend for ourselves"),
    ("en", "I would leave it to my own judgement"), ("en", "they just sent me a new one"),
    ("ru", "не было больших очередей"), ("en", "I owe them nothing"), ("zh", "没说的，很好"), ("zh", "我还没装呢"),
    ("zh", "点的外卖送的很快"), ("zh", "点的菜送的时候还是热的"), ("en", "they just send"), ("en", "they just"),
]


@pytest.mark.parametrize("lang,text", COMPLAINTS)
def test_a_complaint_without_a_sentiment_word_is_read(lang, text):
    assert complaint(lemmas(text, lang), lang) < 0
    value, judged = judge(lemmas(text, lang), lang)
    assert judged and value < 0


@pytest.mark.parametrize("lang,text", NOT_COMPLAINTS)
def test_what_only_looks_like_a_complaint_is_not_one(lang, text):
    assert complaint(lemmas(text, lang), lang) == 0


def test_a_fact_outweighs_a_mild_word_beside_it():
    # "help" is praise in the lexicon; the 35 minutes decide (the broadband survey read this as praise)
    assert judge(lemmas("call for help taking 35 minutes to answer", "en"), "en")[0] < 0


@pytest.mark.parametrize("text,sign", [("quick response when I reported a fault", 1),
                                       ("always helpful whenever I've had an issue", 1),
                                       ("when I reported a fault they did nothing", -1),
                                       ("desserts to die for", 1), ("the signal dies in the kitchen", -1),
                                       ("not had a single problem since joining", 1), ("very few outages", 1),
                                       ("a few problems", -1), ("didn't have to wait long", 1), ("I had to wait long", -1),
                                       ("had one issue in 3 years and it was sorted the same day", 1),
                                       ("the issue was never resolved", -1), ("a problem they failed to fix", -1),
                                       ("never had any billing issues", 1), ("didn't have any real problems", 1),
                                       ("they don't understand the problem", -1), ("nobody looked into the fault", -1),
                                       ("I don't understand the negative reviews", 1),
                                       ("it looks like the old one", 0), ("it tastes like cardboard", 0),
                                       ("I really like it", 1), ("fits like a glove", 1),
                                       ("the menu is nothing like the website", -1),
                                       ("outages are rare and short", 1), ("my previous provider was awful", 0),
                                       ("other providers are terrible", 0), ("they are awful compared to my old provider", -1),
                                       ("I've never had better", 1), ("never seen a better one", 1),
                                       ("they proved me wrong", 1), ("much better than Virgin, who were terrible", 1),
                                       ("when the router failed they sent a new one next day", 1),
                                       ("the router failed and they never sent a new one", -1),
                                       ("there was a fault once. The engineer came out the next morning", 1),  # (the next sentence since session 39)
                                       ("I was sceptical but the speeds are what they advertised", 0),
                                       ("chat support just sends scripted answers", -1),
                                       ("wifi is patchy at best", -1), ("the service at its best", 1),
                                       ("very little downtime", 1), ("little problems here and there", -1),
                                       ("emails go unanswered", -1), ("never had reason to complain", 1),
                                       ("better than nothing I suppose", -1), ("better than my old one", 1),
                                       ("a constant battle to get anything sorted", -1), ("no surprises", 1),
                                       ("kept me updated during a local outage", 1),  # (being kept updated is praise)
                                       ("there was an outage during the match", -1),
                                       ("had a problem and it was sorted the same day", 1),
                                       ("went above and beyond", 1), ("beyond repair", 0), ("dead reliable", 1),
                                       ("the line is dead", -1), ("the wifi is pants", -1), ("these pants are great", 1),
                                       ("they never updated us", -1), ("rarely drops", 1),
                                       # session 35: a dealing denied leaves the trouble standing; a denial of one denied
                                       ("school doesn't deal with bullying", -1), ("they don't address complaints", -1),
                                       ("it doesn't look bad", 1), ("never met a member of staff who wasn't friendly", 1),
                                       ("I never got a bill that wasn't wrong", -1),
                                       # a habit of complaining denied, before a "but": a preface to a complaint
                                       ("I never complain but this time I have to", -1),
                                       ("I never complain about them, they're great", 1),
                                       # session 37: refusing to help is no help; the customer's own lot and temper; a
                                       # cause outside the company's hands, a fault denied - but not one the company
                                       # denies
                                       ("they refused to help", -1), ("they failed to help", -1),
                                       ("never failed to impress", 1), ("happy to help", 1),
                                       ("my mum struggles with technology", 0), ("I struggled with the app", -1),
                                       ("they replaced my broken screen", 0), ("they refused to replace my broken phone", -1),
                                       ("even though I'd lost the receipt", 0), ("they lost my parcel", -1),
                                       ("I'm not easily impressed", 0), ("easily the best bank", 1),
                                       ("the nurse was so patient with me", 1), ("I have been a patient there for years", 0),
                                       ("delayed an hour because of the weather", 0),
                                       ("the terminal was crowded as planes were delayed due to the weather", -1),
                                       ("parking can be tight but that's hardly their fault", 0),
                                       ("they said it was not their fault and refused to help", -1),
                                       ("the delivery was late and it is their fault", -1),
                                       ("after my old one kept getting my readings wrong", 0),
                                       ("they sent another one which was also broken", -1),
                                       ("a terrible experience at another dealer", 0),
                                       ("I used to dread appointments and now I don't", 0),
                                       ("it used to work, now it doesn't", -1), ("no pressure at all", 1),
                                       ("made a mistake on my bill and corrected it the same day", 1),
                                       ("couldn't have gone smoother", 1), ("it couldn't be any slower", -1),
                                       ("it could not go any slower", -1), ("they couldn't be any more helpful", 1),
                                       ("I was dreading the switch after horror stories, but it was painless", 1),
                                       ("the service was a horror story", -1),
                                       ("she helped me catch up after I was ill", 1), ("the food made me ill", -1),
                                       ("Signal used to be dire. Now full bars everywhere", 0),
                                       ("AMS-SIN. Excellent crew", 1), ("Gatwick to Venice for a weekend break", 0),
                                       ("the screen started to break", -1), ("the latest version is great", 1),
                                       ("delivered late", -1),
                                       ("departed a bit late but landed 25 min ahead of schedule", 1),
                                       ("left late and did not arrive on time", -1),
                                       ("I was worried the move would be chaos but they were brilliant", 1),
                                       ("I was worried because the service was terrible, but it was fine", -1),
                                       ("I've had issues with estate agents before but this team kept me updated", 1),
                                       ("It was slow before but it still is", -1),
                                       # session 38: a fix named, not done; "alone" as "only"; the company's word
                                       ("the latest fix broke everything", -1), ("the latest patch broke the app", -1),
                                       ("the reporting alone is worth it", 1), ("I felt alone and ignored", -1),
                                       ("the outage lasted a day and the status page said everything was fine", -1),
                                       ("it has been fine since", 1),
                                       ("When my card was cloned abroad they blocked it", 0),
                                       ("they blocked my card for no reason", -1),
                                       ("they refunded the fraudulent payments", 0),
                                       ("I was dissapointed", -1), ("would definately reccomend", 1),
                                       ("so much for security let alone customer service", -1),
                                       ("staff are not so friendly but did the job", -1),
                                       ("I couldn't reccommend their pizza any higher", 1),
                                       ("claim paid within a week of the accident", 0),
                                       ("the smart meter is great", 1), ("the smart meter stopped working", -1),
                                       ("Booking is a bit clunky, though the teachers more than make up for it", 0),
                                       ("Booking system is clunky and nothing makes up for it", -1),
                                       ("Parking is a nightmare, but that's the council's fault, not theirs", 0),
                                       ("it's their fault, not mine", -1),
                                       ("Only had one outage in 3 years", 1), ("one outage in a week", -1),
                                       ("I tried to submit my claim and the app crashed", -1),
                                       ("after the fraud they froze my account for weeks", -1),
                                       ("the seat gave me back pain", -1),
                                       ("The router is a bit ugly, and that's me being picky", 0),
                                       ("I'm not being picky, the router is broken", -1),
                                       ("My old provider was shocking so I expected the worst, but these guys are quick",
                                        1), ("I expected the worst and got it", -1),
                                       ("The hub needed a reset twice in the first week, after that nothing", 0),
                                       ("My order arrived damaged and a new one was with me two days later", 1),
                                       ("The parcel arrived damaged and three weeks later a new one came", -1)])
def test_english_words_read_by_their_idiom(text, sign):
    value, _ = judge(lemmas(text, "en"), "en")
    assert (value > 0) - (value < 0) == sign


@pytest.mark.parametrize("text,sign", [("看视频从来不卡", 1), ("从来没这么好吃过", 1), ("本人网购从来不差评，就冲客服这样说话，差评了", -1),
                                       ("冰淇淋都化了", -1), ("米饭硬得像石头", -1), ("送得慢得要死", -1), ("辣得受不了", -1),
                                       ("没几天就坏了", -1), ("鱼有股土腥味", -1), ("一点腥味都没有", 1),
                                       ("骑手还帮我把垃圾带下去了", 0), ("太垃圾了", -1), ("顺便帮我扔垃圾", 0),
                                       ("吃了两口就扔了", -1), ("骑手超时还让我给好评", -1), ("给个好评", 1),
                                       ("这家的酸菜鱼真的绝了", 1), ("以后不会再点别家了", 0), ("不会再点了", -1),
                                       ("不用催就送到了", 0), ("催了三次", -1)])
def test_chinese_words_read_where_they_stand(text, sign):
    # 得 glued after a word keeps its value (慢得, 硬得); 没 before 几 counts, it denies nothing after it; 垃圾 taken out
    # and a good rating asked for judge nothing
    value, _ = judge(lemmas(text, "zh"), "zh")
    assert (value > 0) - (value < 0) == sign


@pytest.mark.parametrize("text", ["Problems? What problems?", "My old provider kept dropping out"])
def test_a_blame_an_idiom_reads_away_still_judges(text):
    # (so that the semantic tier's reading of silent comments leaves it alone: insight.themes.silent)
    value, judged = judge(lemmas(text, "en"), "en")
    assert value == 0 and judged


@pytest.mark.parametrize("text,sign", [("the speed is exactly what they promised", 1), ("it arrived as promised", 1),
                                       ("they broke a promise", -1), ("not what they promised", -1)])
def test_a_promise_kept_is_no_blame_of_communication(text, sign):
    # the core codeframe reads "promised" as blame of being informed ("they promised a call back"): not when kept
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    m = RuleTagger(load_codeframe("core")).tag([text], whole_polarity=False).mentions
    assert m.loc[m["theme_id"] == "communication", "polarity"].tolist() == [sign]


@pytest.mark.parametrize("text,sign", [("can't recommend them enough", 1), ("couldn't be happier", 1),
                                       ("couldn't be more helpful", 1), ("not good enough", -1),
                                       ("couldn't be worse", -1), ("can't be beaten", 1),
                                       ("nothing to improve", 1), ("no better company out there", 1),
                                       ("nothing better than their service", 1), ("no better than the old one", -1),
                                       ("only a 9 because nobody is perfect", 1), ("hard to fault", 1),
                                       ("impossible to beat", 1), ("nothing is too much trouble for them", 1),
                                       ("zero issues", 1), ("nothing to like", -1),
                                       ("they have never let me down", 1), ("never been let down", 1),
                                       ("they let me down", -1), ("wouldn't hesitate to recommend", 1),
                                       ("it couldn't have been easier", 1), ("it couldn't have been worse", -1),
                                       ("they never make you feel stupid for asking", 1),
                                       ("not once has the connection let me down", 1), ("it was no bother", 1),
                                       ("Don't bother", -1), ("Slow at times, don't bother me", 0)])
def test_english_praise_that_is_written_as_a_negation(text, sign):
    value, _ = judge(lemmas(text, "en"), "en")
    assert (value > 0) - (value < 0) == sign


@pytest.mark.parametrize("lang,text", [("zh", "挑不出毛病"), ("ru", "Ждать не пришлось"), ("ru", "Никаких проблем"),
                                       ("ru", "Не было ни одного повода пожаловаться"), ("ru", "Ни разу не подводили"),
                                       ("ru", "Подводя итог, остались довольны"), ("ru", "Всё работает как часы")])
def test_praise_said_with_a_negation_in_chinese_and_russian(lang, text):
    value, _ = judge(lemmas(text, lang), lang)
    assert value > 0


@pytest.mark.parametrize("lang,text,sign", [
    # session 37: another company's doing, a trifle, a trouble before "now", the customer's own long choosing
    ("ru", "Раньше был клиентом другого оператора, там постоянно списывали за непонятные услуги", 0),
    ("ru", "Уйду к другому оператору, постоянно списывают деньги", -1),
    ("ru", "В прошлом банке всё было плохо, а здесь отлично", 1),
    ("ru", "Иногда приходится подождать пару минут, но это мелочи", 0), ("ru", "Разочаровали даже в мелочах", -1),
    ("ru", "Это не мелочь, опоздали на час", -1),
    ("ru", "Сначала были проблемы со скоростью, но после визита мастера всё работает отлично", 1),
    ("ru", "Раньше было хорошо, после обновления всё сломалось", -1),
    ("ru", "Долго выбирала страховую, в итоге остановилась на этой", 0), ("ru", "Долго ждали курьера", -1),
    ("zh", "之前在别家买过一次假货，这里买的都是正品", 1),
    ("ru", "Раньше постоянно были проблемы с доставкой, но в последние полгода всё приходит вовремя", 1),
    ("ru", "Курьер немного опоздал, но позвонил заранее и извинился", 1), ("ru", "Курьер опоздал на час", -1),
    ("ru", "Не самый дешёвый вариант, но за качество готов платить", 0), ("ru", "Доставка не самая быстрая", -1),
    # session 38: a fault put right in its sentence
    ("ru", "вернули деньги за брак без лишних вопросов", 1), ("ru", "пришел брак, поменяли на следующий день", 1),
    ("ru", "брак не заменили", -1), ("ru", "брак, вернуть деньги отказались", -1),
    ("ru", "обещали быстро заменить брак, до сих пор жду", -1),
    # a cause outside the company's hands, told as the cause (not a time it rained, nor the rider's own excuse)
    ("zh", "因为下雨，晚了半小时", 0), ("zh", "下雨的时候送得很慢", -1), ("zh", "虽然下雨，但是晚了一个半小时也太离谱了", -1),
    # an apology made at once (not one that is no use or never came); Russian weather; a double charge refunded
    ("zh", "下雨天晚了十几分钟，小哥一直道歉", 0), ("zh", "晚了一个小时，骑手一直道歉，但是饭都凉了", -1),
    ("ru", "Заказ немного задержали из-за погоды", 0), ("ru", "Курьер опоздал на два часа", -1),
    ("ru", "Тариф не самый дешёвый, зато связь везде", 0), ("ru", "Пользуюсь пять лет, были мелкие сбои, но всегда быстро чинили", 1)])
def test_what_is_not_this_company_s_doing_now_is_no_blame(lang, text, sign):
    value, _ = judge(lemmas(text, lang), lang)
    assert (value > 0) - (value < 0) == sign


@pytest.mark.parametrize("lang,text,cut", [("en", "Had a problem once but they fixed it quickly", "but"),
                                           ("en", "I was worried about switching, but it was painless", "but"),
                                           ("zh", "以前有过问题，但很快就解决了", "但")])
def test_a_clause_the_next_one_turns_with_but_is_no_complaint(lang, text, cut):
    from insight.text.polarity import Reading

    lem = lemmas(text, lang)
    r = Reading(lem, lang)
    assert r.judge(0, lem.index(cut) + 1)[0] >= 0  # the clause as the tagger cuts it: up to its "but"
    assert judge(lem[:lem.index(cut)], lang)[0] < 0  # alone, it blames


@pytest.mark.parametrize("lang,text,covered,not_covered", [
    ("zh", "晚了十分钟，可以理解", "晚", None),
    ("zh", "送餐慢我能理解，但是菜都是冷的", "慢", "冷"),  # what follows the excuse is still blamed
    ("zh", "有点洒了，不影响食用", "洒了", None),
    ("zh", "包装太差，有点洒了，不影响食用", "洒了", "太差"),  # the last shortcoming named, not all of them
    ("zh", "太慢了，真的不能理解", None, "慢"),  # denied
    ("zh", "太慢了，无法接受", None, "慢"),
    ("zh", "服务员对客人根本无所谓，态度很差", None, "差"),  # indifference, not an excuse
    ("zh", "我理解你的意思，但是太慢了", None, "慢"),  # understanding without "can": no concession
    ("en", "A bit late but understandable given the snow", "late", None),
    ("en", "Late again and that is not acceptable", None, "late"),
    ("ru", "Немного опоздали, но это простительно", "опоздать", None),
    ("ru", "Опоздали на час, это не простительно", None, "опоздать"),
    ("zh", "之前点过一次没送到，这次很顺利", "送到", None),  # told as past, against this time
    ("zh", "之前没送到。这次也很慢", None, "送到"),  # (another sentence)
    ("en", "Last time the driver was late, this time it was perfect", "late", None),
    ("en", "The driver was late, this time", None, "late"),
    ("zh", "骑手没打电话直接放门口，按备注来的，很好", "打电话", None),  # as noted
    ("zh", "虽然等了四十分钟，但是真的很好吃，值得等", "四十分钟", None),  # worth the wait
    ("en", "An hour late but worth the wait", "late", None),
    ("en", "An hour late and not worth the wait", None, "late"),
    # session 37: back to the clause that blames, past one whose words only look like a cue (味道); a dish suited to
    # two kinds of people; a cause outside the company's hands covers the slip it names only
    ("zh", "虽然等了四十分钟，但是味道真的很棒，值得等", "四十分钟", None), ("zh", "口味偏淡，适合老人小孩", "偏淡", None),
    ("en", "The terminal was crowded as planes were delayed due to the weather", "delay", "crowd"),
    ("en", "Parking can be tight but that's hardly their fault", "tight", None),
    ("ru", "Иногда приходится подождать, но это мелочи", "подождать", None),
    # session 38: a make-up had, not wished; a storm somewhere; the council's fault, not theirs
    ("en", "The booking system is clunky, though the teachers more than make up for it", "clunky", None),
    ("en", "The portions are small, if the food were good enough to make up for it", None, "small"),
    ("en", "The flight was delayed due to a storm in Chicago", "delay", None),
    ("en", "Parking is a nightmare, but that's the council's fault, not theirs", "nightmare", None),
    ("en", "Pharmacy had my prescription ready even though the surgery sent it late", "late", None),
    ("en", "They were more than accommodating even though the place was packed", None, "pack"),
])
def test_an_excuse_covers_what_comes_before_it_in_its_sentence(lang, text, covered, not_covered):
    from insight.text.polarity import Reading

    lem = lemmas(text, lang)
    at = Reading(lem, lang)._excused  # (what it covers depends on the words' values: the Reading's)
    for word, inside in ((covered, True), (not_covered, False)):
        if word is not None:
            assert (next(i for i, w in enumerate(lem) if word in w) in at) is inside, (lem, sorted(at))


def test_an_excused_shortcoming_is_neither_blame_nor_complaint():
    from insight.text.polarity import Reading

    lem = lemmas("等了一个多小时才送到，下雨天可以理解", "zh")
    assert judge(lem[:lem.index(",")], "zh")[0] < 0  # alone, it is a complaint
    assert Reading(lem, "zh").judge()[0] >= 0 and Reading(lem, "zh").complaint() == 0


def test_nothing_special_is_a_middling_verdict():
    assert judge(lemmas("Nothing special", "en"), "en") == (0.0, True)  # judged, neither praise nor blame


@pytest.mark.parametrize("text,theme", [("Only complaint is the contract length", "contract"),
                                        ("My only complaint is the price", "price")])
def test_ones_own_only_complaint_is_no_complaint_handling(text, theme):
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    m = RuleTagger(load_codeframe("core")).tag([text], whole_polarity=False).mentions
    assert m["theme_id"].tolist() == [theme]


def test_a_slip_remedied_in_the_next_clause_is_no_complaint_of_it():
    from insight.themes.codeframe import load_codeframe
    from insight.themes.tagger import RuleTagger

    m = RuleTagger(load_codeframe("food_delivery")).tag(["之前有一次送错了，但是商家马上补送了"], whole_polarity=False).mentions
    assert m.loc[m["theme_id"] == "order_accuracy", "polarity"].tolist() == [1]


@pytest.mark.parametrize("text,lang,sign", [
    # session 39: what the promoters' stories showed, each with its counter-example
    ("the engineer said it wasn't his job and left", "en", -1), ("they did a great job", "en", 1),
    ("the nurse was patient with my son who hates needles", "en", 1), ("staff who hate their job", "en", -1),
    ("couldn't ask for more", "en", 1), ("I asked for a refund", "en", 0),
    ("not the cheapest on the market but you get what you pay for", "en", 0),
    ("cheap, but you get what you pay for", "en", -1),
    ("they know their stuff rather than reading from a script", "en", 1),
    ("Instead of wasting your time here, go elsewhere", "en", -1),
    ("I was charged twice. I rang up and they refunded it straight away.", "en", 0),
    ("I was charged twice. They said they would refund it straight away.", "en", -1),
    ("No internet for two weeks. The engineer came the next day.", "en", -1),
    ("the engineer spent an extra hour sorting it out", "en", 0), ("I spent an hour on hold", "en", -1),
    ("we were told it would take three weeks and it took exactly three weeks", "en", 0),
    ("they said it would take three weeks", "en", -1),
    ("After a rocky start, everything has been faultless.", "en", 1), ("After a rocky start, it got worse.", "en", -1),
    ("After a few teething problems, it's perfect now.", "en", 1),
    ("After three weeks of waiting, it finally works great.", "en", 1),  # (the wait is not read as a slip overcome)
    ("a direct debit went out twice, which was my bank's error not theirs", "en", 0),
    ("it was their error", "en", -1),
    ("the previous owner had left the line in a mess", "en", 0), ("the engineer left the line in a mess", "en", -1),
    ("пару раз курьер опаздывал, но всегда предупреждал заранее", "ru", 1),
    ("подключали с небольшой задержкой, но мастер всё сделал аккуратно, и с тех пор интернет работает как часы", "ru", 1),
    ("подключали с задержкой, мастер нагрубил", "ru", -1),
    ("因为下大雨送晚了二十分钟", "zh", 0), ("送晚了二十分钟", "zh", -1), ("送晚了，理解理解", "zh", 0),
    ("骑手一进门就道歉，送晚了", "zh", -1), ("送晚了，骑手一进门就道歉", "zh", 0),
    ("took a while to get set up", "en", -1), ("been with them for a while", "en", 0),
    ("occasional dropouts", "en", -1), ("very few dropouts", "en", 1),
    ("got charged the variable rate anyway", "en", -1), ("I paid anyway", "en", 0),
    ("card declined even though I'd told them I was travelling", "en", -1),
    ("switched energy supplier in 10 minutes online", "en", 0), ("switching supplier in 2 weeks", "en", -1),
    ("性价比不高", "zh", -1), ("性价比很高", "zh", 1), ("没什么好挑剔的", "zh", 1), ("没啥好挑剔的", "zh", 1),
    ("no more buffering or outages", "en", 1), ("not fast or reliable", "en", -1), ("no wifi, or outages", "en", -1),
    ("gone are the days of constant outages", "en", 0), ("the days of constant outages", "en", -1),
    ("we had outages at first, it's been perfect since", "en", 1), ("we had outages at first", "en", -1),
    ("on hold for 10 minutes, which isn't bad these days", "en", 0), ("the food was cold, which is bad", "en", -1),
    ("let down by two other providers", "en", 0), ("let down by the support team", "en", -1),
    ("My previous provider was a nightmare, constant outages and rude staff.", "en", 0),
    ("The engineer was fine, constant outages and rude staff since.", "en", -1),
    ("it took three calls, but once that was done everything went smoothly", "en", 1),
    ("it took three calls, but once that was done it broke again", "en", -1),
    ("обещали бесплатную установку, а потом выставили счёт за выезд мастера", "ru", -1),
    ("обещали бесплатную установку и сделали всё бесплатно", "ru", 1),
    ("when we first moved in the signal was weak, so they sent a booster and now it's perfect", "en", 1),
    ("the signal was weak, and it still is", "en", -1),
    ("support used to be hit and miss but the last few times they've been brilliant", "en", 1),
    ("I thought it would be a hassle to install but it was done in two hours with minimal mess", "en", 1),
    ("I thought it would be great but it was a mess", "en", -1), ("minimal disruption", "en", 1),
    ("I hate phoning companies but their chat is excellent", "en", 1), ("I hate them", "en", -1),
    ("it dropped during maintenance, but we had a text the day before warning us, so no problem", "en", 1),
    ("they gave no warning before cutting us off", "en", -1),
    ("I had a small issue with my direct debit and they changed it for me in two minutes", "en", 1),
    ("the router broke and they changed it in three weeks", "en", -1),
    ("does what it says on the tin", "en", 1), ("doesn't do what it says on the tin", "en", -1),
    ("a tin of beans", "en", 0),
    ("prices much lower than elsewhere", "en", 1), ("the fees are low", "en", 1), ("prices aren't low", "en", -1),
    ("low quality", "en", -1), ("speeds are low", "en", -1),
    # session 40: more stories, each with its counter-example
    # a slip "in my first month" is when, not a wait: the remedy the next morning puts it right (not "for three months")
    ("I was charged the wrong rate for my first month. One message on the app and the difference was back in my account"
     " the next morning.", "en", 1),
    ("I was charged the wrong rate for three months. One message on the app and the difference was back in my account"
     " the next morning.", "en", -1),
    # the help line stayed on until the fix (not an hour on hold until it was sorted)
    ("I had a problem with a payment not going through. The lady on the phone stayed on the line until it was sorted.",
     "en", 1),
    ("I had a problem with a payment not going through. I was on hold for an hour until it was sorted.", "en", -1),
    # a "but" that mends puts right the blame of the clauses before it in its sentence ("this year" is when, "every
    # provider" no ongoing fault), as it quiets their complaint cues
    ("Prices went up this year like everywhere else, but they gave plenty of notice and it's still good value.", "en",
     1),
    ("Prices went up this year, but they never told us.", "en", -1),
    ("Signal is weak in the basement, like with every provider, but wifi calling sorts that out.", "en", 1),
    ("Signal is weak in the basement, like with every provider, but they never sorted it out.", "en", -1),
    ("The router keeps dropping every day, but they sorted it out in the end.", "en", -1),
    # remedies: unlocked, rebooked, refunded automatically (not promised)
    ("I locked myself out of my account after too many password attempts. Support unlocked it within ten minutes on"
     " live chat.", "en", 0),
    ("I locked myself out of my account after too many password attempts. Support said they would unlock it within ten"
     " minutes.", "en", -1),
    ("I was overcharged on my first bill. They spotted it before I did and refunded it automatically.", "en", 1),
    ("I was overcharged on my first bill and they never refunded it.", "en", -1),
    ("When my flight was cancelled they rebooked me on the next one automatically.", "en", 1),
    ("When my flight was cancelled they said they would rebook me automatically.", "en", -1),
    # the customer's own learning, not a wait
    ("Took a while to get used to the new app layout but I actually prefer it now.", "en", 0),
    ("Took a while to get through to anyone.", "en", -1),
    ("the advisors know their stuff", "en", 1), ("they don't know their stuff", "en", -1),
    ("all my stuff arrived", "en", 0),
    # 就不计较了: let pass (not 计较 of the shop's); 刚开始 / 第一次 ... 后来: the start set against later
    ("这次送餐晚了二十分钟，饭菜还是热的，就不计较了。", "zh", 0), ("商家连两块钱都要计较，送餐还晚了二十分钟。", "zh", -1),
    ("刚开始觉得分量有点少，后来发现吃完刚好饱。", "zh", 0), ("刚开始觉得还行，后来分量越来越少了。", "zh", -1),
    ("第一次点的时候漏了一份米饭，后来点了好几次都没出过问题。", "zh", 1), ("第一次点的很好吃，后来再点就变味了。", "zh", -1),
    # Russian: a slip found quickly after "но" (not "так и не нашёл")
    ("Курьер перепутал подъезд, но быстро нашёл и всё было горячее.", "ru", 1),
    ("Курьер перепутал подъезд, но так и не нашёл.", "ru", -1),
    # what could have been done mends nothing
    ("Еда совершенно пресная, но официанты могли бы предупредить.", "ru", -1),
    ("The food was bland, but they could have warned us.", "en", -1),
    # "took the time to" is their care, not a slow fix; what one was worried about; a remedy "by Tuesday"
    ("There was some confusion over my contract end date, but the advisor took the time to go through everything and"
     " sorted it.", "en", 1),
    ("There was some confusion over my bill, but it took them a month to sort it.", "en", -1),
    ("I was worried about losing my old email address when switching, but they explained how to keep it.", "en", 0),
    ("I was worried about losing my email address and I did lose it.", "en", -1),
    ("My router stopped working on a Sunday and I still got a replacement by Tuesday.", "en", 0),
    ("My router stopped working on a Sunday and they promised a replacement by Tuesday.", "en", -1),
    # "the same evening" ("evening" is lemmatised "even"); a switch feared, then made; amends "to make up for it"
    ("Our boiler broke down on Christmas Eve and they had an engineer out the same evening.", "en", 1),
    ("Our boiler broke down on Christmas Eve and they said they would have an engineer out the same evening.", "en",
     -1),
    ("I was sceptical about switching energy supplier but the whole thing happened without me lifting a finger.", "en",
     0),
    ("I'm thinking about switching energy supplier.", "en", -1),
    ("The course started a week late because of a tutor illness but they added an extra session at the end to make up"
     " for it.", "en", 1),
    ("The course started a week late and nothing can make up for it.", "en", -1),
    # 理解 a clause alone concedes (not 不能理解, 理解不了); Russian "настроил" puts a connection right
    ("虽然等了四十分钟，但是商家提前打电话说明了原因，还送了小菜，理解。", "zh", 0), ("等了四十分钟，不能理解。", "zh", -1),
    ("等了四十分钟，我理解不了。", "zh", -1),
    ("Вначале были проблемы с подключением, но мастер приехал на следующий день и всё настроил.", "ru", 1),
    ("Были проблемы с подключением, но мастер так и не смог настроить.", "ru", -1),
    # a savour said absent ends in 香 too (not a bad smell absent); pieces so few they can be counted
    ("豆浆是粉冲的，一点豆香都没有", "zh", -1), ("一点异味都没有", "zh", 1), ("牛肉数得清，五片", "zh", -1),
    # a fix only told of, then gainsaid; an inability that lasted days (not a praise before a comma)
    ("Told my fault was fixed but nothing changed.", "en", -1),
    ("They said the fault was fixed and it has been fine since.", "en", 1),
    ("Moved house and they couldn't transfer my service for a month.", "en", -1),
    ("Can't fault them, been with them for a month.", "en", 1),
    ("I could not be happier, fibre for a month now.", "en", 1),
    # a quick remedy, then a clause that denies a trouble (not one that denies the fix)
    ("My router died and they sent a new one the next day and it hasn't dropped once since.", "en", 1),
    ("The router broke and they sent a replacement the next day, no problems since.", "en", 1),
    ("The router failed and they sent a new one the next day but it doesn't work either.", "en", -1),
    ("The router failed and they sent an engineer the next day, who couldn't fix it.", "en", -1),
])
def test_stories_read_as_meant(text, lang, sign):
    value, _ = judge(lemmas(text, lang), lang)
    assert (value > 0) - (value < 0) == sign, value
