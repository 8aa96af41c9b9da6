"""UI strings of the workspace's pages in English, Simplified Chinese, Traditional Chinese and Russian
(a data module; the report's own strings - NPS, promoters, interval… - come from
:mod:`insight.report.i18n`)."""

from __future__ import annotations

from insight.report.i18n import LANGS
from insight.report.i18n import strings as report_strings

# key: (en, zh-Hans, zh-Hant, ru)
_STRINGS: dict[str, tuple[str, str, str, str]] = {
    "w_title": ("NPS insight workspace", "NPS 洞察工作台", "NPS 洞察工作臺", "Рабочее место NPS"),
    "w_overview": ("Overview", "概览", "概覽", "Обзор"),
    "w_themes": ("Themes", "主题", "主題", "Темы"),
    "w_sign_in_name": ("Sign in with your name", "填写姓名登录", "填寫姓名登入", "Войти под своим именем"),
    "w_sign_in": ("Sign in", "登录", "登入", "Вход"),
    "w_token": ("Token", "令牌", "權杖", "Токен"),
    "w_wrong_token": ("That token is not this workspace's.", "令牌不正确。", "權杖不正確。", "Это не токен этого рабочего места."),
    "w_your_name": ("Your name (shown beside your changes)", "您的姓名（显示在您的修改旁）", "您的姓名（顯示在您的修改旁）",
                    "Ваше имя (видно рядом с вашими изменениями)"),
    "w_continue": ("Continue", "继续", "繼續", "Продолжить"),
    "w_not_done": ("Not done", "未完成", "未完成", "Не выполнено"),
    "w_expired": ("This form has expired: reload the page.", "表单已过期：请刷新页面。", "表單已過期：請重新整理頁面。",
                  "Форма устарела: обновите страницу."),
    "w_no_run": ("The store holds no analysed wave yet. Import a wave and report on it:",
                 "数据库中还没有已分析的批次。请导入一个批次并生成报告：", "資料庫中還沒有已分析的批次。請匯入一個批次並產生報告：",
                 "В хранилище ещё нет проанализированной волны. Импортируйте волну и постройте по ней отчёт:"),
    "w_unexplained": ("Detractors' lost points no theme explains", "无主题可解释的贬损者失分", "無主題可解釋的貶損者失分",
                      "Потерянные из-за критиков баллы, не объяснённые темами"),
    "w_run": ("run {run}", "第 {run} 次分析", "第 {run} 次分析", "анализ №{run}"),
    "w_wave": ("Wave", "批次", "批次", "Волна"),
    "w_fix_first": ("Fix first", "优先解决", "優先解決", "Исправить в первую очередь"),
    "w_theme": ("Theme", "主题", "主題", "Тема"),
    "w_impact": ("Impact on NPS", "对 NPS 的影响", "對 NPS 的影響", "Влияние на NPS"),
    "w_detractors_naming": ("Detractors naming it", "提及的贬损者", "提及的貶損者", "Критиков, назвавших тему"),
    "w_promoters_naming": ("Promoters naming it", "提及的推荐者", "提及的推薦者", "Промоутеров, назвавших тему"),
    "w_blaming": ("Blaming", "负面", "負面", "Негатив"),
    "w_status": ("Status", "状态", "狀態", "Статус"),
    "w_owner": ("Owner", "负责人", "負責人", "Ответственный"),
    "w_no_costly": ("No theme lowers the NPS in this wave.", "本批次中没有主题拉低 NPS。", "本批次中沒有主題拉低 NPS。",
                    "В этой волне ни одна тема не снижает NPS."),
    "w_rising": ("Growing since the previous wave", "较上一批次增长", "較上一批次增長", "Растут с прошлой волны"),
    "w_share": ("Share of responses", "回答占比", "回答占比", "Доля ответов"),
    "w_before": ("Before", "之前", "之前", "Раньше"),
    "w_change_points": ("Change (points)", "变化（百分点）", "變化（百分點）", "Изменение (п. п.)"),
    "w_no_previous": ("No report of the previous wave to compare with (insight report --wave on it records one).",
                      "没有上一批次的报告可供比较（对其运行 insight report --wave 即可记录）。",
                      "沒有上一批次的報告可供比較（對其執行 insight report --wave 即可記錄）。",
                      "Нет отчёта по прошлой волне для сравнения (его записывает insight report --wave)."),
    "w_none_grew": ("No theme grew.", "没有主题增长。", "沒有主題增長。", "Ни одна тема не выросла."),
    "w_newest": ("newest report", "最新报告", "最新報告", "последний отчёт"),
    "w_any": ("any", "全部", "全部", "любой"),
    "w_show": ("Show", "显示", "顯示", "Показать"),
    "w_no_report_of": ("No report of this wave yet: insight report --wave NAME records one.",
                       "该批次还没有报告：insight report --wave 名称 会记录一份。", "該批次還沒有報告：insight report --wave 名稱 會記錄一份。",
                       "По этой волне ещё нет отчёта: его записывает insight report --wave ИМЯ."),
    "w_responses": ("Responses", "回答数", "回答數", "Ответов"),
    "w_theme_nps": ("NPS of those naming it", "提及者的 NPS", "提及者的 NPS", "NPS назвавших тему"),
    "w_impact_interval": ("Impact (interval)", "影响（区间）", "影響（區間）", "Влияние (интервал)"),
    "w_few": ("few", "样本少", "樣本少", "мало"),
    "w_no_match": ("No theme matches.", "没有符合条件的主题。", "沒有符合條件的主題。", "Нет подходящих тем."),
    "w_table_note": ("{wave}: run {run} ({codeframe}), the analysts' merges applied. Impact: the NPS points the "
                     "theme's responses move the whole score, with its interval from bootstrap resamples.",
                     "{wave}：第 {run} 次分析（{codeframe}），已应用分析师的合并。影响：提及该主题的回答使整体 NPS "
                     "变化的点数，区间来自自助重抽样。",
                     "{wave}：第 {run} 次分析（{codeframe}），已套用分析師的合併。影響：提及該主題的回答使整體 NPS "
                     "變化的點數，區間來自自助重抽樣。",
                     "{wave}: анализ №{run} ({codeframe}) с учётом объединений, сделанных аналитиками. Влияние — "
                     "на сколько пунктов ответы с этой темой сдвигают весь NPS; интервал — по бутстрэп-выборкам."),
    "w_all_responses": ("All stored responses", "全部已存回答", "全部已存回答", "Все сохранённые ответы"),
    "w_part_of": ("part of", "属于", "屬於", "часть темы"),
    "w_merged_into": ("merged into", "已合并到", "已合併到", "объединена с"),
    "w_takes_in": ("takes in", "包含", "包含", "включает"),
    "w_impact_in": ("Impact on NPS in {wave}", "在 {wave} 中对 NPS 的影响", "在 {wave} 中對 NPS 的影響",
                    "Влияние на NPS в {wave}"),
    "w_named_by": ("Named by", "提及人数", "提及人數", "Назвали"),
    "w_blaming_share": ("blaming {share} of mentions", "{share} 的提及为负面", "{share} 的提及為負面",
                        "негатив в {share} упоминаний"),
    "w_drivers": ("Drivers", "驱动因素", "驅動因素", "Драйверы"),
    "w_group": ("Group", "群体", "群體", "Группа"),
    "w_points": ("NPS points (lost or won)", "NPS 点数（失去或赢得）", "NPS 點數（失去或贏得）", "Пункты NPS (потерянные или полученные)"),
    "w_of_group": ("Of the group naming it", "该群体中提及的比例", "該群體中提及的比例", "Доля группы, назвавшей тему"),
    "w_significant": ("Significant", "显著", "顯著", "Значимо"),
    "w_yes": ("yes", "是", "是", "да"),
    "w_no": ("no", "否", "否", "нет"),
    "w_over_waves": ("Over the waves", "各批次", "各批次", "По волнам"),
    "w_naming": ("Responses naming it", "提及的回答", "提及的回答", "Ответов с темой"),
    "w_share_short": ("Share", "占比", "占比", "Доля"),
    "w_their_nps": ("Their NPS", "其 NPS", "其 NPS", "Их NPS"),
    "w_not_reported": ("no report of this wave yet", "该批次尚无报告", "該批次尚無報告", "по этой волне ещё нет отчёта"),
    "w_subthemes": ("Sub-themes", "子主题", "子主題", "Подтемы"),
    "w_triage": ("Triage", "分派处理", "分派處理", "Разбор"),
    "w_name": ("Name", "名称", "名稱", "Название"),
    "w_rename": ("Rename", "重命名", "重新命名", "Переименовать"),
    "w_set": ("Set", "设置", "設定", "Установить"),
    "w_assign": ("Assign", "指派", "指派", "Назначить"),
    "w_note": ("Note", "备注", "備註", "Заметка"),
    "w_save": ("Save", "保存", "儲存", "Сохранить"),
    "w_unmerge": ("Unmerge", "取消合并", "取消合併", "Разъединить"),
    "w_merge_into": ("Merge into", "合并到", "合併到", "Объединить с"),
    "w_merge": ("Merge", "合并", "合併", "Объединить"),
    "w_verbatims": ("Verbatims", "原话", "原話", "Цитаты"),
    "w_search": ("Search", "搜索", "搜尋", "Поиск"),
    "w_find": ("Find", "查找", "尋找", "Найти"),
    "w_evidence": ("evidence", "依据", "依據", "основание"),
    "w_no_comment": ("No comment.", "没有评论。", "沒有評論。", "Нет комментариев."),
    "w_no_comment_with": ("No comment with “{search}”.", "没有包含“{search}”的评论。", "沒有包含「{search}」的評論。",
                          "Нет комментариев со словами «{search}»."),
    "w_page_of": ("Page {page} of {pages}", "第 {page} 页，共 {pages} 页", "第 {page} 頁，共 {pages} 頁",
                  "Страница {page} из {pages}"),
    "w_previous": ("previous", "上一页", "上一頁", "назад"),
    "w_next": ("next", "下一页", "下一頁", "вперёд"),
    "w_history": ("History", "历史", "歷史", "История"),
    "w_when": ("When", "时间", "時間", "Когда"),
    "w_who": ("Who", "操作人", "操作人", "Кто"),
    "w_what": ("What", "操作", "操作", "Что"),
    "w_from": ("From", "原值", "原值", "Было"),
    "w_to": ("To", "新值", "新值", "Стало"),
    "w_response": ("Response {id}", "回答 {id}", "回答 {id}", "Ответ {id}"),
    "w_score": ("score {score}", "评分 {score}", "評分 {score}", "оценка {score}"),
    "w_polarity": ("Polarity", "褒贬", "褒貶", "Тональность"),
    "w_found_by": ("Found by", "识别方式", "識別方式", "Чем найдено"),
    "w_no_theme_found": ("No theme found in this comment.", "该评论中未发现主题。", "該評論中未發現主題。",
                         "В этом комментарии темы не найдены."),
    "w_sub_note": ("A sub-theme's responses also count towards this theme's numbers; each sub-theme's impact is "
                   "the NPS points its own responses move the whole score.",
                   "子主题的回答也计入本主题的数字；每个子主题的影响是其自身回答使整体 NPS 变化的点数。",
                   "子主題的回答也計入本主題的數字；每個子主題的影響是其自身回答使整體 NPS 變化的點數。",
                   "Ответы подтем входят и в цифры этой темы; влияние подтемы — на сколько пунктов её собственные "
                   "ответы сдвигают весь NPS."),
    "w_sub_drivers": ("The drivers (the detractors' lost points split among themes) are computed for top-level "
                      "themes: see the parent theme.",
                      "驱动因素（贬损者失分在各主题间的分摊）按一级主题计算：请查看上级主题。",
                      "驅動因素（貶損者失分在各主題間的分攤）按一級主題計算：請查看上級主題。",
                      "Драйверы (распределение потерянных из-за критиков баллов между темами) считаются для тем "
                      "верхнего уровня: см. родительскую тему."),
    "w_comment": ("Comment", "评论", "評論", "Комментарий"),
    "w_score_short": ("Score", "评分", "評分", "Оценка"),
    "w_review": ("Review", "复核", "複核", "Проверка"),
    "w_models": ("Models", "模型", "模型", "Модели"),
    "w_corrections": ("Corrections", "更正", "更正", "Исправления"),
    "w_correct_reading": ("Corrected reading", "更正后的解读", "更正後的解讀", "Исправленное прочтение"),
    "w_remove": ("Remove", "移除", "移除", "Убрать"),
    "w_add_theme": ("Add a theme", "添加主题", "新增主題", "Добавить тему"),
    "w_add": ("Add", "添加", "新增", "Добавить"),
    "w_negative": ("negative", "负面", "負面", "негатив"),
    "w_neutral": ("neutral", "中性", "中性", "нейтрально"),
    "w_positive": ("positive", "正面", "正面", "позитив"),
    "w_against": ("Corrected against", "更正所针对的解读", "更正所針對的解讀", "Что исправлено"),
    "w_back_to_review": ("Back to the review queue", "返回复核队列", "返回複核佇列", "Назад к очереди проверки"),
    "w_review_intro_model": (
        "The comments model {model} is least sure about ({pool} sampled from the newest run), the most uncertain "
        "first: correcting these teaches the next model most.",
        "模型 {model} 最没有把握的评论（取自最新一次分析的 {pool} 条样本），最不确定的在前：更正它们对下一个模型帮助最大。",
        "模型 {model} 最沒有把握的評論（取自最新一次分析的 {pool} 則樣本），最不確定的在前：更正它們對下一個模型幫助最大。",
        "Комментарии, в которых модель {model} меньше всего уверена (из {pool} отобранных из последнего анализа), "
        "самые неясные первыми: их исправление больше всего научит следующую модель."),
    "w_review_intro_rules": (
        "No model is active yet: these are the comments the rules doubt most ({pool} sampled from the newest run): "
        "no theme found, then a reading the score contradicts (a detractor with no complaint read, a promoter "
        "with no praise), then neutral themes only. Correct them, then train a model on the Models page.",
        "尚无启用的模型：以下是规则最没把握的评论（取自最新一次分析的 {pool} 条样本）：先是未发现主题的，其次是解读与评分相矛盾的"
        "（贬损者却未读出抱怨，推荐者却未读出称赞），最后是只有中性主题的。更正后，在“模型”页训练模型。",
        "尚無啟用的模型：以下是規則最沒把握的評論（取自最新一次分析的 {pool} 則樣本）：先是未發現主題的，其次是解讀與評分相矛盾的"
        "（貶損者卻未讀出抱怨，推薦者卻未讀出稱讚），最後是只有中性主題的。更正後，在「模型」頁訓練模型。",
        "Активной модели пока нет: это комментарии, в которых правила сомневаются больше всего (из {pool} отобранных "
        "из последнего анализа): сначала без найденных тем, затем те, чьё прочтение противоречит оценке (критик без "
        "жалобы, промоутер без похвалы), затем только с нейтральными темами. Исправьте их и обучите модель на "
        "странице «Модели»."),
    "w_unsure_about": ("unsure about", "不确定", "不確定", "неясно"),
    "w_queue_empty": ("Nothing left to review here.", "这里没有待复核的内容。", "這裡沒有待複核的內容。",
                      "Здесь больше нечего проверять."),
    "w_left": ("{n} left", "剩余 {n} 条", "剩餘 {n} 則", "осталось {n}"),
    "w_train": ("Train a new model from the corrections", "根据更正训练新模型", "根據更正訓練新模型",
                "Обучить новую модель на исправлениях"),
    "w_train_intro": ("{n} corrected comments in the store. A new version learns from them and from the rules' "
                      "themes, and is compared with the active reading on corrected comments it did not see; it is "
                      "used by the reports only once accepted.",
                      "数据库中有 {n} 条已更正的评论。新版本从这些更正和规则的主题中学习，并在它没见过的已更正评论上与当前解读比较；"
                      "只有被接受后报告才会使用它。",
                      "資料庫中有 {n} 則已更正的評論。新版本從這些更正和規則的主題中學習，並在它沒見過的已更正評論上與目前解讀比較；"
                      "只有被接受後報告才會使用它。",
                      "В хранилище {n} исправленных комментариев. Новая версия учится на них и на темах правил и "
                      "сравнивается с текущим прочтением на исправленных комментариях, которых не видела; отчёты "
                      "используют её только после принятия."),
    "w_training": ("Training since {at} (started by {by})… reload this page to see the result.",
                   "自 {at} 起训练中（由 {by} 发起）……刷新本页查看结果。", "自 {at} 起訓練中（由 {by} 發起）……重新整理本頁查看結果。",
                   "Обучение с {at} (запустил(а) {by})… обновите страницу, чтобы увидеть результат."),
    "w_training_failed": ("The last training failed: {error}", "上次训练失败：{error}", "上次訓練失敗：{error}",
                          "Последнее обучение не удалось: {error}"),
    "w_no_models": ("No model trained from corrections yet.", "尚未根据更正训练任何模型。", "尚未根據更正訓練任何模型。",
                    "Моделей, обученных на исправлениях, ещё нет."),
    "w_model": ("Model", "模型", "模型", "Модель"),
    "w_trained": ("Trained", "训练时间", "訓練時間", "Обучена"),
    "w_held_back": ("Held-back comments", "保留的评论", "保留的評論", "Отложенные комментарии"),
    "w_reading": ("Reading", "解读", "解讀", "Прочтение"),
    "w_precision": ("Precision", "精确率", "精確率", "Точность"),
    "w_recall": ("Recall", "召回率", "召回率", "Полнота"),
    "w_polarity_right": ("Polarity right", "褒贬正确", "褒貶正確", "Тональность верна"),
    "w_accept": ("Accept: the reports use it", "接受：报告将使用它", "接受：報告將使用它", "Принять: отчёты будут её использовать"),
    "w_reject": ("Reject", "拒绝", "拒絕", "Отклонить"),
    "w_none_held": ("Too few corrections to hold any back: no comparison.", "更正太少，无法保留评论进行比较。",
                    "更正太少，無法保留評論進行比較。", "Слишком мало исправлений, чтобы отложить часть: сравнения нет."),
    "w_trained_on": ("trained on {n} comments ({c} corrected, {s} with the rules' themes)",
                     "训练用评论 {n} 条（{c} 条已更正，{s} 条为规则主题）", "訓練用評論 {n} 則（{c} 則已更正，{s} 則為規則主題）",
                     "обучена на {n} комментариях ({c} исправленных, {s} с темами правил)"),
    "w_segment": ("Segment", "细分", "細分", "Сегмент"),
    "w_trend": ("Share change (points)", "占比变化（百分点）", "占比變化（百分點）", "Изменение доли (п. п.)"),
    "w_lost": ("Detractor driver (points lost)", "贬损驱动（失分）", "貶損驅動（失分）", "Драйвер критиков (потеря баллов)"),
    "w_won": ("Promoter driver (points won)", "推荐驱动（得分）", "推薦驅動（得分）", "Драйвер промоутеров (баллы)"),
    "w_segment_note": ("Only the responses of {segment}: every number is theirs alone.",
                       "仅 {segment} 的回答：所有数字只计算这些回答。", "僅 {segment} 的回答：所有數字只計算這些回答。",
                       "Только ответы сегмента {segment}: все числа посчитаны по ним."),
    "w_columns_note": ("Share change: the change of the theme's share of responses since the previous wave's report. "
                       "Drivers: the NPS points the theme's detractors cost and its promoters win (Shapley shares). "
                       "Click a column to sort.",
                       "占比变化：自上一批次报告以来该主题回答占比的变化。驱动：该主题的贬损者使 NPS 失去的点数与推荐者带来的点数"
                       "（Shapley 分摊）。点击列标题排序。",
                       "占比變化：自上一批次報告以來該主題回答占比的變化。驅動：該主題的貶損者使 NPS 失去的點數與推薦者帶來的點數"
                       "（Shapley 分攤）。點擊欄標題排序。",
                       "Изменение доли: как изменилась доля ответов с темой с отчёта прошлой волны. Драйверы: баллы NPS, "
                       "которые теряются из-за критиков темы и приносят её промоутеры (доли Шепли). Нажмите на столбец, "
                       "чтобы отсортировать."),
    "w_blames": ("blames it", "负面提及", "負面提及", "ругают"),
    "w_praises": ("praises it", "正面提及", "正面提及", "хвалят"),
    "w_polarity_split": ("How it is mentioned", "提及方式", "提及方式", "Как о ней пишут"),
    "w_read_them": ("read them", "查看评论", "查看評論", "читать"),
    "w_all_readings": ("all", "全部", "全部", "все"),
    "w_split_note": ("A response that both blames and praises the theme counts in both rows.",
                     "同时负面和正面提及该主题的回答计入两行。", "同時負面和正面提及該主題的回答計入兩列。",
                     "Ответ, где тему и ругают, и хвалят, учтён в обеих строках."),
    "w_by_segment": ("Drivers by segment", "按细分的驱动", "按細分的驅動", "Драйверы по сегментам"),
    "w_segment_nps": ("Segment NPS", "细分 NPS", "細分 NPS", "NPS сегмента"),
    "w_by_segment_note": ("Within each segment: its responses naming the theme, their NPS, and the points the theme's "
                          "detractors cost and its promoters win in that segment's NPS.",
                          "在每个细分内：提及该主题的回答、其 NPS，以及该主题的贬损者与推荐者对该细分 NPS 的失分与得分。",
                          "在每個細分內：提及該主題的回答、其 NPS，以及該主題的貶損者與推薦者對該細分 NPS 的失分與得分。",
                          "Внутри каждого сегмента: ответы с темой, их NPS и баллы NPS сегмента, которые теряются из-за "
                          "критиков темы и приносят её промоутеры."),
    "w_discovered": ("discovered", "新发现", "新發現", "найдена"),
    "w_discovered_elsewhere": ("another run's discovered themes are other themes", "其他分析发现的主题是不同的主题",
                               "其他分析發現的主題是不同的主題", "темы, найденные другим анализом, — другие темы"),
    "w_discovered_note": ("Discovery proposed this theme in run {run}: it is not in the codeframe, so it has no triage "
                          "and the next run may number it differently. To keep it, on the wave's file: insight discover "
                          "WAVE_FILE --codeframe {codeframe} --append-to YOUR_CODEFRAME.yaml --accept {id}",
                          "该主题由第 {run} 次分析的主题发现提出：它不在编码框架中，因此无法分诊，下一次分析可能给它不同的编号。"
                          "要保留它，对该批次的文件运行：insight discover 批次文件 --codeframe {codeframe} --append-to 您的编码框架.yaml "
                          "--accept {id}",
                          "該主題由第 {run} 次分析的主題發現提出：它不在編碼框架中，因此無法分診，下一次分析可能給它不同的編號。"
                          "要保留它，對該批次的檔案執行：insight discover 批次檔案 --codeframe {codeframe} --append-to 您的編碼框架.yaml "
                          "--accept {id}",
                          "Эту тему предложил поиск новых тем в анализе №{run}: её нет в кодфрейме, поэтому её нельзя "
                          "разобрать, а следующий анализ может дать ей другой номер. Чтобы сохранить её, на файле волны: "
                          "insight discover ФАЙЛ_ВОЛНЫ --codeframe {codeframe} --append-to ВАШ_КОДФРЕЙМ.yaml --accept {id}"),
    # the store's refusals as a page says them ({...}: ids and values, never translated)
    "e_no_theme": ("There is no theme {id} in the catalog.", "编码目录中没有主题 {id}。", "編碼目錄中沒有主題 {id}。",
                   "В каталоге нет темы {id}."),
    "e_no_response": ("There is no response {id} in the store.", "数据库中没有回答 {id}。", "資料庫中沒有回答 {id}。",
                      "В хранилище нет ответа {id}."),
    "e_changed": ("Someone else changed this theme since you opened it: reload it and make your change again.",
                  "自您打开此主题以来，其他人已修改了它：请刷新后重新修改。", "自您開啟此主題以來，其他人已修改了它：請重新整理後再修改。",
                  "Кто-то другой изменил эту тему, пока она была открыта у вас: обновите её и внесите изменение снова."),
    "e_empty_label": ("A theme's name must not be empty.", "主题名称不能为空。", "主題名稱不能為空。",
                      "Название темы не может быть пустым."),
    "e_merge_self": ("A theme cannot be merged into itself.", "主题不能合并到自身。", "主題不能合併到自身。",
                     "Тему нельзя объединить с ней самой."),
    "e_merge_cycle": ("{into} is already merged into {source}: {source} cannot be merged into it.",
                      "{into} 已合并到 {source}：{source} 不能再合并到它。", "{into} 已合併到 {source}：{source} 不能再合併到它。",
                      "{into} уже объединена с {source}: {source} нельзя объединить с ней."),
    "e_already_merged": ("{source} is already merged into {into}.", "{source} 已合并到 {into}。", "{source} 已合併到 {into}。",
                         "{source} уже объединена с {into}."),
    "e_not_merged": ("{id} is not merged into another theme.", "{id} 没有合并到其他主题。", "{id} 沒有合併到其他主題。",
                     "{id} не объединена с другой темой."),
    "e_status": ("Unknown status {status}.", "未知状态 {status}。", "未知狀態 {status}。", "Неизвестный статус {status}."),
    "e_no_model": ("There is no model #{id} in the store.", "数据库中没有模型 #{id}。", "資料庫中沒有模型 #{id}。",
                   "В хранилище нет модели №{id}."),
    "e_model_active": ("Model #{id} is already the active one.", "模型 #{id} 已是当前使用的模型。", "模型 #{id} 已是目前使用的模型。",
                       "Модель №{id} уже используется."),
    "e_model_decided": ("Model #{id} is no longer a candidate: only a candidate can be rejected.",
                        "模型 #{id} 已不是候选模型：只有候选模型可以被拒绝。", "模型 #{id} 已不是候選模型：只有候選模型可以被拒絕。",
                        "Модель №{id} уже не кандидат: отклонить можно только кандидата."),
}


def strings(lang: str) -> dict[str, str]:
    """The report's strings and the workspace's in ``lang``."""
    i = LANGS.index(lang)
    return {**report_strings(lang), **{key: values[i] for key, values in _STRINGS.items()}}
