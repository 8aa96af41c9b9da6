"""UI strings of the report in English, Simplified Chinese, Traditional Chinese and Russian."""

from __future__ import annotations

from insight.languages import UI_LANGS as LANGS

# key: (en, zh-Hans, zh-Hant, ru)
_STRINGS: dict[str, tuple[str, str, str, str]] = {
    "title": ("NPS insight report", "NPS 洞察报告", "NPS 洞察報告", "Отчёт NPS"),
    "generated": ("Generated", "生成时间", "產生時間", "Создан"),
    "source": ("Source", "数据来源", "資料來源", "Источник"),
    "contents": ("Contents", "目录", "目錄", "Содержание"),
    "headline": ("Net Promoter Score", "净推荐值", "淨推薦值", "Индекс NPS"),
    "interval": ("95% interval", "95% 置信区间", "95% 信賴區間", "95% интервал"),
    "interval_of": ("{level}% interval", "{level}% 置信区间", "{level}% 信賴區間", "{level}% интервал"),
    "responses": ("responses", "份回答", "份回答", "ответов"),
    "promoters": ("Promoters", "推荐者", "推薦者", "Промоутеры"),
    "passives": ("Passives", "被动者", "被動者", "Нейтралы"),
    "detractors": ("Detractors", "贬损者", "貶損者", "Критики"),
    "vs_previous": ("vs previous period", "较上一期", "較上一期", "к прошлому периоду"),
    "significant": ("significant", "显著", "顯著", "значимо"),
    "not_significant": ("not significant", "不显著", "不顯著", "незначимо"),
    "low_n": ("low confidence: few responses", "低置信度：回答较少", "低信賴度：回答較少", "мало ответов: низкая надёжность"),
    "benchmarks": ("Benchmarks", "行业基准", "產業基準", "Бенчмарки"),
    "benchmark_above": ("above", "高于", "高於", "выше"),
    "benchmark_below": ("below", "低于", "低於", "ниже"),
    "benchmark_within": ("within our interval", "在置信区间内", "在信賴區間內", "в пределах интервала"),
    "we_are": ("We are", "我们", "我們", "Мы"),
    "distribution": ("Score distribution (0-10)", "评分分布（0-10）", "評分分布（0-10）", "Распределение оценок (0–10)"),
    "trend": ("NPS over time", "NPS 趋势", "NPS 趨勢", "NPS во времени"),
    "share_trend": ("Share, first → last period", "提及比例：首期 → 末期", "提及比例：首期 → 末期",
                    "Доля: первый → последний период"),
    "period": ("Period", "周期", "週期", "Период"),
    "segments": ("Segments", "细分群体", "細分群體", "Сегменты"),
    "segment": ("Segment", "细分", "細分", "Сегмент"),
    "vs_rest": ("vs rest", "与其余相比", "與其餘相比", "к остальным"),
    "drivers": ("What drives the score", "评分驱动因素", "評分驅動因素", "Что определяет оценку"),
    "detractor_drivers": ("Detractor drivers: why people would not recommend us",
                          "贬损驱动因素：为什么客户不愿推荐", "貶損驅動因素：為什麼客戶不願推薦",
                          "Драйверы критиков: почему нас не порекомендуют"),
    "passive_drivers": ("Passive drivers: what stops 7-8s from becoming 9-10s",
                        "被动驱动因素：是什么让 7-8 分没有变成 9-10 分", "被動驅動因素：是什麼讓 7-8 分沒有變成 9-10 分",
                        "Драйверы нейтралов: что мешает 7–8 стать 9–10"),
    "promoter_drivers": ("Promoter drivers: what delights promoters", "推荐驱动因素：推荐者最满意什么",
                         "推薦驅動因素：推薦者最滿意什麼", "Драйверы промоутеров: что радует"),
    "points_lost": ("NPS points lost", "损失的 NPS 分", "損失的 NPS 分", "потеряно пунктов NPS"),
    "points_won": ("NPS points won", "赢得的 NPS 分", "贏得的 NPS 分", "получено пунктов NPS"),
    "theme": ("Theme", "主题", "主題", "Тема"),
    "themes": ("Themes", "主题", "主題", "Темы"),
    "mentions": ("Mentions", "提及", "提及", "Упоминания"),
    "share_of_group": ("of the group mention it", "该群体中提及的比例", "該群體中提及的比例", "доля группы, упомянувшей тему"),
    "driver_significant": ("bold: mentioned significantly more often in this group than by the other respondents "
                           "(q < {alpha})",
                           "粗体：该群体提及的比例显著高于其他受访者（q < {alpha}）",
                           "粗體：該群體提及的比例顯著高於其他受訪者（q < {alpha}）",
                           "жирным: в этой группе упоминается значимо чаще, чем у остальных респондентов (q < {alpha})"),
    "theme_nps": ("Theme NPS", "主题 NPS", "主題 NPS", "NPS темы"),
    "impact": ("Impact on NPS", "对 NPS 的影响", "對 NPS 的影響", "Влияние на NPS"),
    "polarity": ("Praise / neutral / blame", "好评 / 中性 / 差评", "好評 / 中性 / 負評", "Похвала / нейтрально / жалобы"),
    "no_theme": ("(no theme found)", "（未识别主题）", "（未識別主題）", "(тема не найдена)"),
    "discovered_mark": (" (discovered)", "（新发现）", "（新發現）", " (новая тема)"),
    "by_question": ("By question", "按问题", "按問題", "По вопросам"),
    "by_question_note": ("Share of the answers to each open question that name the theme, and how many blame it; the "
                         "tables above read each respondent's answers together.",
                         "每个开放式问题的回答中提及该主题的比例，以及其中的差评数；上面的表格把每位受访者的回答合在一起统计。",
                         "每個開放式問題的回答中提及該主題的比例，以及其中的負評數；上面的表格把每位受訪者的回答合在一起統計。",
                         "Доля ответов на каждый открытый вопрос, где названа тема, и сколько из них с жалобой; таблицы "
                         "выше читают ответы каждого респондента вместе."),
    "answer_to": ("answer to", "回答", "回答", "ответ на"),
    "quotes": ("In customers' words", "客户原话", "客戶原話", "Словами клиентов"),
    "praise": ("praise", "好评", "好評", "похвала"),
    "blame": ("blame", "差评", "負評", "жалоба"),
    "neutral": ("neutral", "中性", "中性", "нейтрально"),
    "score": ("score", "评分", "評分", "оценка"),
    "changes": ("What changed since the previous period", "与上一期相比的变化", "與上一期相比的變化",
                "Что изменилось с прошлого периода"),
    "change_explained": ("contribution to the change in NPS", "对 NPS 变化的贡献", "對 NPS 變化的貢獻",
                         "вклад в изменение NPS"),
    "emerging": ("Emerging themes", "新兴主题", "新興主題", "Растущие темы"),
    "no_emerging": ("No theme grew significantly in the latest period.", "最近一期没有显著增长的主题。",
                    "最近一期沒有顯著增長的主題。", "В последнем периоде ни одна тема значимо не выросла."),
    "share_now": ("share now", "本期占比", "本期佔比", "доля сейчас"),
    "share_before": ("share before", "此前占比", "此前佔比", "доля раньше"),
    "new": ("new", "新", "新", "новое"),
    "close_loop": ("Close the loop", "闭环跟进", "閉環跟進", "Обратная связь с клиентами"),
    "call_back": ("detractors to call back", "位贬损者需要回访", "位貶損者需要回訪", "критиков — перезвонить"),
    "win_over": ("passives to win over", "位被动者可以争取", "位被動者可以爭取", "нейтралов — переубедить"),
    "ask_review": ("promoters to ask for a review", "位推荐者可以邀请评价", "位推薦者可以邀請評價",
                   "промоутеров — попросить отзыв"),
    "with_comment": ("with a comment", "有留言", "有留言", "с комментарием"),
    "exports_hint": ("Lists: run with --export DIR.", "名单：使用 --export DIR 导出。", "名單：使用 --export DIR 匯出。",
                     "Списки: запустите с --export DIR."),
    "data_quality": ("Data quality", "数据质量", "資料品質", "Качество данных"),
    "rows_read": ("rows read", "读取行数", "讀取列數", "строк прочитано"),
    "rows_scored": ("scored", "已评分", "已評分", "учтено"),
    "rows_quarantined": ("quarantined", "已隔离", "已隔離", "в карантине"),
    "quarantine_reasons": ("Quarantine reasons", "隔离原因", "隔離原因", "Причины карантина"),
    "languages": ("Languages", "语言", "語言", "Языки"),
    "comments": ("Comments", "留言", "留言", "Комментарии"),
    "with_content": ("with content", "有内容", "有內容", "с содержанием"),
    "fillers": ("fillers (n/a, nothing…)", "无内容（无、没有…）", "無內容（無、沒有…）", "пустые (нет, ничего…)"),
    "tagged": ("tagged with a theme", "识别到主题", "識別到主題", "с найденной темой"),
    "method": ("Method notes", "方法说明", "方法說明", "Методика"),
    "lang_und": ("other / undetermined", "其他 / 未识别", "其他 / 未識別", "другие / не определён"),
    "lang_en": ("English", "英语", "英語", "английский"),
    "lang_zh": ("Chinese", "中文", "中文", "китайский"),
    "lang_ru": ("Russian", "俄语", "俄語", "русский"),
    "n": ("n", "样本数", "樣本數", "n"),
    "nps": ("NPS", "NPS", "NPS", "NPS"),
    "reason": ("Reason", "原因", "原因", "Причина"),
    "count": ("Count", "数量", "數量", "Количество"),
    # quarantine reason kinds (the exported quarantine CSV keeps each row's full English reason)
    "q_missing_score": ("missing score", "缺少评分", "缺少評分", "нет оценки"),
    "q_score_bool": ("score is a true/false value, not 0-10", "评分是真/假值，不是 0-10", "評分是真/假值，不是 0-10",
                     "оценка — логическое значение, а не 0–10"),
    "q_score_text": ("score is not a number 0-10", "评分不是 0-10 的数字", "評分不是 0-10 的數字",
                     "оценка — не число 0–10"),
    "q_score_fraction": ("score is not a whole number", "评分不是整数", "評分不是整數", "оценка — не целое число"),
    "q_score_nan": ("score is not a number", "评分不是数字", "評分不是數字", "оценка — не число"),
    "q_score_date": ("score is a date, not 0-10", "评分是日期，不是 0-10", "評分是日期，不是 0-10",
                     "оценка — дата, а не 0–10"),
    "q_score_range": ("score is outside 0-10", "评分超出 0-10", "評分超出 0-10", "оценка вне 0–10"),
    "q_date": ("date this tool cannot read", "无法识别的日期", "無法識別的日期", "нечитаемая дата"),
    "q_duplicate_id": ("duplicate response id", "重复的回答编号", "重複的回答編號", "повторный ID ответа"),
    "q_row_width": ("row does not fit the header's columns", "该行与表头的列数不符", "該列與表頭的欄數不符",
                    "строка не совпадает с колонками заголовка"),
    "q_json": ("invalid JSON line", "无效的 JSON 行", "無效的 JSON 行", "некорректная строка JSON"),
    "q_json_object": ("a JSON line must be an object", "JSON 行必须是对象", "JSON 行必須是物件",
                      "строка JSON должна быть объектом"),
    "filter_placeholder": ("Filter themes…", "筛选主题…", "篩選主題…", "Фильтр тем…"),
    "none": ("None.", "无。", "無。", "Нет."),
    "quarantine_warning": ("{rows} of {of} rows ({pct}%) were quarantined and are left out of every number in this "
                           "report.", "{of} 行中有 {rows} 行（{pct}%）被隔离，未计入本报告的任何数字。",
                           "{of} 列中有 {rows} 列（{pct}%）被隔離，未計入本報告的任何數字。",
                           "{rows} из {of} строк ({pct}%) отложены в карантин и не входят ни в одну цифру отчёта."),
    "quarantine_values": ("Most often, for their score", "其中评分无法读取的最常见值", "其中評分無法讀取的最常見值",
                          "Чаще всего из-за оценки"),
    "empty_value": ("empty", "空", "空", "пусто"),
    "no_comments": ("No comments to read: the file has no comment column, or every comment is empty. Drivers, "
                    "themes and quotes need them.", "没有可读的留言：文件没有留言列，或留言全为空。驱动因素、主题和引语都需要留言。",
                    "沒有可讀的留言：檔案沒有留言欄，或留言全為空。驅動因素、主題和引語都需要留言。",
                    "Нет комментариев: в файле нет колонки комментариев или все они пусты. Драйверам, темам и "
                    "цитатам они нужны."),
    "no_periods": ("No periods: emerging themes and trends need dates (--date-col) or waves.",
                   "没有时期：新兴主题和趋势需要日期（--date-col）或调查批次。",
                   "沒有時期：新興主題和趨勢需要日期（--date-col）或調查批次。",
                   "Нет периодов: растущим темам и трендам нужны даты (--date-col) или волны."),
    "no_segments": ("No segments compared: add --by COL (channel, region, customer type...).",
                    "未比较细分群体：请加上 --by 列名（渠道、地区、客户类型……）。",
                    "未比較細分群體：請加上 --by 欄名（通路、地區、客戶類型……）。",
                    "Сегменты не сравнивались: добавьте --by КОЛОНКА (канал, регион, тип клиента…)."),
    "alerts": ("Alerts: detractors are rising", "警报：贬损者在增加", "警報：貶損者在增加", "Тревога: критиков больше"),
    "alerts_note": ("The share of detractors rose significantly since the previous period ({before_period} → "
                    "{after_period}; Holm-corrected over the {tested} groups tested).",
                    "贬损者占比较上一期显著上升（{before_period} → {after_period}；已对检验的 {tested} 个组做 Holm 校正）。",
                    "貶損者占比較上一期顯著上升（{before_period} → {after_period}；已對檢驗的 {tested} 個組做 Holm 校正）。",
                    "Доля критиков значимо выросла к прошлому периоду ({before_period} → {after_period}; поправка "
                    "Холма на {tested} проверенных групп)."),
    "alert_overall": ("All responses", "全部回答", "全部回答", "Все ответы"),
    "alert_theme": ("detractors naming it", "提到它的贬损者", "提到它的貶損者", "критики, которые её называют"),
    "value": ("Customer value", "客户价值", "客戶價值", "Ценность клиентов"),
    "value_weighted": ("Value-weighted NPS", "按价值加权的 NPS", "按價值加權的 NPS", "NPS, взвешенный по ценности"),
    "value_note": ("{column}: {n} responses with a value ({unread} without one). Bands are its quartiles.",
                   "{column}：{n} 条回答有价值数据（{unread} 条没有）。区间按四分位数划分。",
                   "{column}：{n} 則回答有價值資料（{unread} 則沒有）。區間按四分位數劃分。",
                   "{column}: {n} ответов со значением ({unread} без него). Диапазоны — квартили."),
    "value_band": ("Value band", "价值区间", "價值區間", "Диапазон ценности"),
    "value_share": ("Share of value", "价值占比", "價值占比", "Доля ценности"),
    "m_value": ("Value-weighted NPS = 100·(Σ value of promoters − Σ value of detractors)/Σ value; its {level}% "
                "interval by linearisation: Var = Σw²(x − m)²/(Σw)², x = +1/0/−1.",
                "按价值加权的 NPS = 100·(推荐者价值之和 − 贬损者价值之和)/价值总和；其 {level}% 区间用线性化法："
                "Var = Σw²(x − m)²/(Σw)²，x = +1/0/−1。",
                "按價值加權的 NPS = 100·(推薦者價值之和 − 貶損者價值之和)/價值總和；其 {level}% 區間用線性化法："
                "Var = Σw²(x − m)²/(Σw)²，x = +1/0/−1。",
                "NPS, взвешенный по ценности = 100·(Σ ценности промоутеров − Σ ценности критиков)/Σ ценности; "
                "{level}% интервал линеаризацией: Var = Σw²(x − m)²/(Σw)², x = +1/0/−1."),
    "fix_first": ("Fix first", "优先改进", "優先改進", "Исправить в первую очередь"),
    "fix_first_note": ("The themes that cost the most NPS points: the NPS would be this much higher without "
                       "them ({level}% interval).",
                       "拉低净推荐值最多的主题：没有它们，净推荐值会高出这么多（{level}% 区间）。",
                       "拉低淨推薦值最多的主題：沒有它們，淨推薦值會高出這麼多（{level}% 區間）。",
                       "Темы, которые стоят NPS больше всего пунктов: без них NPS был бы на столько выше "
                       "({level}% интервал)."),
    "ff_costs": ("costs {points} NPS points ({low} … {high})", "拉低 {points} 个点（{low} … {high}）",
                 "拉低 {points} 個點（{low} … {high}）", "стоит {points} п. NPS ({low} … {high})"),
    "ff_detractors": ("named by {share} of detractors ({n})", "{share} 的贬损者提到（{n} 人）",
                      "{share} 的貶損者提到（{n} 人）", "упоминают {share} критиков ({n})"),
    "ff_trend": ("share of responses {before} → {after} since the previous period",
                 "提及比例较上一期 {before} → {after}", "提及比例較上一期 {before} → {after}",
                 "доля ответов {before} → {after} к прошлому периоду"),
    "ff_mixed": ("Blamed by {blamed} and praised by {praised} respondents: it works for some and fails others; "
                 "fix what the blame says.",
                 "{blamed} 人批评、{praised} 人称赞：对一部分人有效，对另一部分人失灵；请按批评的内容改进。",
                 "{blamed} 人批評、{praised} 人稱讚：對一部分人有效，對另一部分人失靈；請按批評的內容改進。",
                 "{blamed} респондентов ругают и {praised} хвалят: у одних работает, у других нет; исправляйте "
                 "то, на что жалуются."),
    "codeframe": ("Codeframe", "编码框架", "編碼框架", "Кодификатор"),
    "codeframe_version": ("{name}, version {version}", "{name}，第 {version} 版", "{name}，第 {version} 版",
                          "{name}, версия {version}"),
    "codeframe_on": (" (a pack on {base})", "（基于 {base}）", "（基於 {base}）", " (пакет на основе {base})"),
    "impact_formula": ("NPS_all − NPS_without theme = n_t·(NPS_t − NPS_all)/(N − n_t)",
                       "NPS_全部 − NPS_去除该主题 = n_t·(NPS_t − NPS_全部)/(N − n_t)",
                       "NPS_全部 − NPS_去除該主題 = n_t·(NPS_t − NPS_全部)/(N − n_t)",
                       "NPS_все − NPS_без темы = n_t·(NPS_t − NPS_все)/(N − n_t)"),
    "discovered": ("Discovered themes (not in the codeframe)", "新发现的主题（编码框架之外）", "新發現的主題（編碼框架之外）",
                   "Найденные темы (вне кодификатора)"),
    "discovered_note": ("Proposed from the {n} comments no codeframe theme covers; add the useful ones with "
                        "insight discover --append-to.",
                        "根据 {n} 条未被编码框架覆盖的留言提出；可用 insight discover --append-to 加入有用的主题。",
                        "根據 {n} 則未被編碼框架涵蓋的留言提出；可用 insight discover --append-to 加入有用的主題。",
                        "Предложено по {n} комментариям, которые не покрыл кодификатор; полезные добавьте через "
                        "insight discover --append-to."),
    "discovered_unassigned": ("{n} of them ({p}) are in no proposal: they name no topic, share none, or too few "
                              "share theirs.",
                              "其中 {n} 条（{p}）不属于任何提议：没有主题词、没有共同主题，或同类太少。",
                              "其中 {n} 則（{p}）不屬於任何提議：沒有主題詞、沒有共同主題，或同類太少。",
                              "{n} из них ({p}) не вошли ни в одно предложение: в них нет темы, нет общей темы или "
                              "слишком мало похожих."),
    "segment_drivers": ("Detractor drivers by segment", "各细分群体的贬损驱动因素", "各細分群體的貶損驅動因素",
                        "Драйверы критиков по сегментам"),
    "top_detractor_drivers": ("Top detractor drivers", "主要贬损驱动因素", "主要貶損驅動因素", "Главные драйверы критиков"),
    "status": ("Status", "状态", "狀態", "Статус"),
    "owner": ("Owner", "负责人", "負責人", "Ответственный"),
    "status_new": ("new", "新", "新", "новая"),
    "status_confirmed": ("confirmed", "已确认", "已確認", "подтверждена"),
    "status_in progress": ("in progress", "处理中", "處理中", "в работе"),
    "status_resolved": ("resolved", "已解决", "已解決", "решена"),
    "status_ignored": ("ignored", "已忽略", "已忽略", "игнорируется"),
    "focus_wave": ("Wave {wave}; trends include {n} earlier waves from the store.",
                   "调查批次 {wave}；趋势包含存储中此前的 {n} 个批次。",
                   "調查批次 {wave}；趨勢包含儲存中此前的 {n} 個批次。",
                   "Волна {wave}; динамика включает {n} предыдущих волн из хранилища."),
    "theme_trends": ("Themes over time: share of responses and impact on NPS",
                     "主题趋势：提及比例与对 NPS 的影响", "主題趨勢：提及比例與對 NPS 的影響",
                     "Темы во времени: доля ответов и влияние на NPS"),
    # method notes: {f} is a formula, the same in every language
    "m_nps": ("{f}; promoters 9–10, passives 7–8, detractors 0–6.",
              "{f}；推荐者 9–10 分，被动者 7–8 分，贬损者 0–6 分。",
              "{f}；推薦者 9–10 分，被動者 7–8 分，貶損者 0–6 分。",
              "{f}; промоутеры — 9–10, нейтралы — 7–8, критики — 0–6."),
    "m_interval": ("Interval: adjusted Wald (Rocks, The American Statistician 70(4), 2016): {f}, clipped to "
                   "[−100, 100]; {level}% level.",
                   "置信区间：调整 Wald 法（Rocks，The American Statistician 70(4)，2016）：{f}，截断到 [−100, 100]；"
                   "置信水平 {level}%。",
                   "信賴區間：調整 Wald 法（Rocks，The American Statistician 70(4)，2016）：{f}，截斷至 [−100, 100]；"
                   "信賴水準 {level}%。",
                   "Интервал: скорректированный метод Вальда (Rocks, The American Statistician 70(4), 2016): {f}, "
                   "в пределах [−100, 100]; уровень {level}%."),
    "m_groups": ("Segments and periods: {f}, two-sided; Holm correction per family. Groups under {min_n} responses "
                 "are marked, not hidden.",
                 "细分群体与时期：{f}，双侧检验；每组比较做 Holm 校正。少于 {min_n} 份回答的组会被标注，而不会被隐藏。",
                 "細分群體與時期：{f}，雙側檢定；每組比較做 Holm 校正。少於 {min_n} 份回答的組會被標註，而不會被隱藏。",
                 "Сегменты и периоды: {f}, двусторонний тест; поправка Холма внутри каждой группы сравнений. Группы "
                 "меньше {min_n} ответов помечаются, а не скрываются."),
    "m_themes": ("Themes: codeframe rules (phrases matched on lemmas; some words count only near context "
                 "words), polarity per mention from lexicons with negation and intensifiers, read in the mention's "
                 "clause, else its sentence, and from complaints without a sentiment word (non-events, waiting, "
                 "durations, repetition: \"no one called back\", \"on hold for 40 minutes\"); never from the score. "
                 "A comment that judges without naming a theme counts under the overall experience.",
                 "主题：编码框架规则（按词元匹配短语；部分词需有上下文词才计入）；每次提及的褒贬由情感词典"
                 "在其所在分句（否则整句）中判断，考虑否定词和程度副词，并识别不含情感词的抱怨（没做到的事、等待、时长、"
                 "反复：“没人回电话”“等了一个多小时”）；从不参考评分。只表达评价而未提及主题的评论计入总体体验。",
                 "主題：編碼框架規則（按詞元匹配短語；部分詞需有上下文詞才計入）；每次提及的褒貶由情感詞典"
                 "在其所在分句（否則整句）中判斷，考慮否定詞和程度副詞，並識別不含情感詞的抱怨（沒做到的事、等待、時長、"
                 "反覆：「沒人回電話」「等了一個多小時」）；從不參考評分。只表達評價而未提及主題的評論計入整體體驗。",
                 "Темы: правила кодификатора (фразы по леммам; некоторые слова учитываются только рядом "
                 "со словами контекста); тональность каждого упоминания — по словарям с учётом отрицаний и усилителей, "
                 "в его части предложения (иначе во всём предложении), а также по жалобам без оценочных слов "
                 "(несостоявшееся, ожидание, сроки, повторы: «никто не перезвонил», «висел на линии 40 минут»); "
                 "оценка 0–10 не используется. Комментарий с оценкой, но без темы, относится к общему впечатлению."),
    "m_codeframe_auto": ("Codeframe chosen automatically: {codeframe}. Its industry's words appear in {share}% of a "
                         "sample of {sample} comments (next: {others}); it names a theme in {covered}% of them (the "
                         "cross-industry core alone: {core}%).",
                         "编码框架自动选择：{codeframe}。在 {sample} 条评论样本中，{share}% 含有其行业用词（其次：{others}）；"
                         "其中 {covered}% 被识别出主题（仅用跨行业核心框架：{core}%）。",
                         "編碼框架自動選擇：{codeframe}。在 {sample} 則評論樣本中，{share}% 含有其產業用詞（其次：{others}）；"
                         "其中 {covered}% 被識別出主題（僅用跨產業核心框架：{core}%）。",
                         "Кодификатор выбран автоматически: {codeframe}. Слова его отрасли встречаются в {share}% "
                         "выборки из {sample} комментариев (далее: {others}); темы найдены в {covered}% из них "
                         "(только общеотраслевой core: {core}%)."),
    "m_codeframe_core": ("Codeframe chosen automatically: the cross-industry core ({codeframe}). No industry's words "
                         "appear in {min}% of a sample of {sample} comments (most: {others}); it names a theme in "
                         "{core}% of them, and discovery proposes the rest.",
                         "编码框架自动选择：跨行业核心框架（{codeframe}）。在 {sample} 条评论样本中，没有任何行业的用词达到 "
                         "{min}%（最多：{others}）；其中 {core}% 被识别出主题，其余由主题发现补充。",
                         "編碼框架自動選擇：跨產業核心框架（{codeframe}）。在 {sample} 則評論樣本中，沒有任何產業的用詞達到 "
                         "{min}%（最多：{others}）；其中 {core}% 被識別出主題，其餘由主題發現補充。",
                         "Кодификатор выбран автоматически: общеотраслевой core ({codeframe}). Ни в одной отрасли её "
                         "слова не встречаются в {min}% выборки из {sample} комментариев (больше всего: {others}); темы "
                         "найдены в {core}% из них, остальное предлагает поиск новых тем."),
    "m_codeframe_core_low": ("Codeframe chosen automatically: the cross-industry core ({codeframe}). The words of "
                             "{pack} appear in only {share}% of a sample of {sample} comments, and it names a theme in "
                             "{covered}% of them against the core's {core}%; discovery proposes the rest.",
                             "编码框架自动选择：跨行业核心框架（{codeframe}）。在 {sample} 条评论样本中，{pack} 的行业用词只出现在 "
                             "{share}%；它识别出主题的比例为 {covered}%，而核心框架为 {core}%；其余由主题发现补充。",
                             "編碼框架自動選擇：跨產業核心框架（{codeframe}）。在 {sample} 則評論樣本中，{pack} 的產業用詞只出現在 "
                             "{share}%；它識別出主題的比例為 {covered}%，而核心框架為 {core}%；其餘由主題發現補充。",
                             "Кодификатор выбран автоматически: общеотраслевой core ({codeframe}). Слова отрасли "
                             "{pack} встречаются лишь в {share}% выборки из {sample} комментариев, и темы он находит в "
                             "{covered}% из них против {core}% у core; остальное предлагает поиск новых тем."),
    "m_model": ("Themes the rules missed were added by a trained model: {model}.",
                "规则未识别的主题由训练模型补充：{model}。",
                "規則未識別的主題由訓練模型補充：{model}。",
                "Темы, пропущенные правилами, добавлены обученной моделью: {model}."),
    "m_silent": ("The polarity of {n} comments without a word of opinion was read by the semantic tier: a logistic "
                 "regression on sentence embeddings, taught by this survey's own judged comments; a comment takes its "
                 "sign when the regression is at least {sure}% sure (one that names no theme, as its overall "
                 "experience).",
                 "{n} 条不含评价词的评论，其褒贬由语义层判断：基于句向量的逻辑回归，以本次调查中已判断褒贬的评论为"
                 "训练样本；回归的把握不低于 {sure}% 时才采用其结果（未提及主题的评论，计为整体体验）。",
                 "{n} 則不含評價詞的評論，其褒貶由語義層判斷：基於句向量的邏輯迴歸，以本次調查中已判斷褒貶的評論為"
                 "訓練樣本；迴歸的把握不低於 {sure}% 時才採用其結果（未提及主題的評論，計為整體體驗）。",
                 "Тональность {n} комментариев без оценочных слов определил семантический слой: "
                 "логистическая регрессия по векторам предложений, обученная на комментариях этого же опроса с "
                 "понятной тональностью; знак принимается, если регрессия уверена не менее чем на {sure}% "
                 "(комментарий без темы — как общее впечатление)."),
    "m_impact": ("Impact: {f}; {level}% bootstrap interval ({n_boot} multinomial resamples of the theme × category "
                 "table, seed {seed}).",
                 "影响：{f}；{level}% bootstrap 区间（对“主题 × 类别”表做 {n_boot} 次多项重抽样，随机种子 {seed}）。",
                 "影響：{f}；{level}% bootstrap 區間（對「主題 × 類別」表做 {n_boot} 次多項重抽樣，隨機種子 {seed}）。",
                 "Влияние: {f}; {level}% бутстреп-интервал ({n_boot} мультиномиальных повторных выборок таблицы "
                 "«тема × категория», seed {seed})."),
    "m_drivers": ("Drivers: each detractor costs 200/N points, each passive 100/N, each promoter earns 100/N; a "
                  "respondent's points are shared equally among the themes they blame (detractors), blame or are "
                  "lukewarm about (passives) or praise (promoters) — the Shapley value of the coverage game, so the "
                  "parts add up exactly. q: two-proportion z-test, Benjamini–Hochberg.",
                  "驱动因素：每位贬损者使 NPS 损失 200/N 分，每位被动者损失 100/N 分，每位推荐者贡献 100/N 分；"
                  "一位受访者的分数平均分给其批评的主题（贬损者）、批评或评价平淡的主题（被动者）或称赞的主题（推荐者）"
                  "——即覆盖博弈的 Shapley 值，因此各部分之和恰好等于总数。q：两比例 z 检验，Benjamini–Hochberg 校正。",
                  "驅動因素：每位貶損者使 NPS 損失 200/N 分，每位被動者損失 100/N 分，每位推薦者貢獻 100/N 分；"
                  "一位受訪者的分數平均分給其批評的主題（貶損者）、批評或評價平淡的主題（被動者）或稱讚的主題（推薦者）"
                  "——即覆蓋賽局的 Shapley 值，因此各部分之和恰好等於總數。q：兩比例 z 檢定，Benjamini–Hochberg 校正。",
                  "Драйверы: каждый критик отнимает 200/N пунктов, каждый нейтрал — 100/N, каждый промоутер приносит "
                  "100/N; пункты респондента делятся поровну между темами, которые он ругает (критики), ругает или "
                  "оценивает сдержанно (нейтралы) или хвалит (промоутеры), — значение Шепли игры покрытия, поэтому "
                  "части в сумме дают целое. q: z-тест для двух долей, поправка Бенджамини–Хохберга."),
    "m_change": ("Change since the previous period: the same attribution in each period; contributions sum exactly "
                 "to the change in NPS.",
                 "与上一期相比的变化：每期采用相同的归因；各项贡献之和恰好等于 NPS 的变化。",
                 "與上一期相比的變化：每期採用相同的歸因；各項貢獻之和恰好等於 NPS 的變化。",
                 "Изменение к прошлому периоду: то же распределение пунктов в каждом периоде; вклады в сумме точно "
                 "равны изменению NPS."),
    "m_emerging": ("Emerging: share of responses mentioning a theme in the latest period vs up to three previous "
                   "periods, one-sided two-proportion z-test, Benjamini–Hochberg, at least {min_count} responses.",
                   "新兴主题：最近一期提及某主题的回答占比与之前最多三期相比，单侧两比例 z 检验，Benjamini–Hochberg "
                   "校正，至少 {min_count} 份回答。",
                   "新興主題：最近一期提及某主題的回答占比與之前最多三期相比，單側兩比例 z 檢定，Benjamini–Hochberg "
                   "校正，至少 {min_count} 份回答。",
                   "Растущие темы: доля ответов с темой в последнем периоде против не более чем трёх предыдущих, "
                   "односторонний z-тест для двух долей, поправка Бенджамини–Хохберга, не менее {min_count} ответов."),
    "m_quotes": ("Quotes are shown in their original language; emails, phone numbers, card numbers and URLs are "
                 "redacted.",
                 "引述以原文语言显示；电子邮件、电话号码、银行卡号和网址已隐去。",
                 "引述以原文語言顯示；電子郵件、電話號碼、銀行卡號和網址已隱去。",
                 "Цитаты приводятся на языке оригинала; адреса почты, телефоны, номера карт и URL скрыты."),
}

def strings(lang: str) -> dict[str, str]:
    """All UI strings in ``lang`` (``en``, ``zh-Hans``, ``zh-Hant`` or ``ru``)."""
    if lang not in LANGS:
        from insight.errors import OptionError

        raise OptionError(f"unknown report language {lang!r}; use one of {', '.join(LANGS)}")
    i = LANGS.index(lang)
    return {key: values[i] for key, values in _STRINGS.items()}
