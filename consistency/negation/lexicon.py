"""Per-language negation cues, in two strengths.

``particles`` and ``words`` negate a predicate grammatically ("not", "ne … pas", "не", "لم",
"않다", "不", "ない"): a statement holding one and a translation holding nothing negative
say opposite things. ``lexical`` words carry the negation in their meaning instead ("without",
"failed", "refused", "unclear", "불가능", "拒否"): a translator may render "did not agree" as
"refused", so a lexical word on the other side answers a grammatical cue, but a lexical word
alone never calls for one.

``concord`` words are negative only together with a particle in languages with negative
concord (French "ne … jamais", Spanish "no … nada", Russian "никто не …"): in a clause that
holds the particle they add no second negation. ``masked`` expressions look negative and are
not ("not only", "non seulement", "不仅", "非常"): they are blanked before anything is
counted. ``restrictive`` words turn a particle into "only" ("ne … que"). Patterns are matched
case-insensitively on the sentence; for Chinese, Japanese and Korean they match inside
written words, as those scripts do not space them (Korean spaces phrases, not morphemes).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    particles: tuple[str, ...]
    words: tuple[str, ...] = ()
    concord: tuple[str, ...] = ()
    # The concord words that negate with no particle in their clause ("rien n'a changé" aside,
    # French "pas de problème", "jamais"); French "plus", "personne", "point" then mean
    # "more", "person", "point".
    alone: tuple[str, ...] = ()
    lexical: tuple[str, ...] = ()
    masked: tuple[str, ...] = ()
    # An expletive French "ne" ("avant qu'il ne parte") negates nothing: the particle counts
    # only with a concord word after it in its clause.
    particle_needs_concord: bool = False
    # Words that, after a particle in its clause, make the pair mean "only": French "ne … que",
    # Arabic "لا … إلا" ("I will not count myself a success unless" = "only if").
    restrictive: tuple[str, ...] = ()


LEXICONS: dict[str, Lexicon] = {
    "en": Lexicon(
        particles=(r"\bnot\b", r"n[’']t\b", r"\bcannot\b"),
        words=(r"\bnever\b", r"\bno\b(?!\.?\s*\d)(?!\s*(?:[,.!?;:]|$))", r"\bnobody\b", r"\bnothing\b", r"\bnone\b",
               r"\bneither\b", r"\bnowhere\b", r"\bno-one\b"),
        concord=(r"\bnor\b",),
        lexical=(r"\bwithout\b", r"\bfail\w*", r"\brefus\w*", r"\bden(?:y|ies|ied|ial|ying)\b",
                 r"\black\w*", r"\bunable\b", r"\bimpossib\w*", r"\babsen\w+", r"\bhardly\b",
                 r"\bbarely\b", r"\bscarcely\b", r"\brarely\b", r"\bseldom\b", r"\breject\w*",
                 r"\bdeclin\w*", r"\bavoid\w*", r"\bprevent\w*", r"\bstop\w*", r"\bban(?:s|ned)?\b",
                 r"\bun(?!der|i[fontqsv]|til|less)\w{3,}", r"\b(?!un)\w{3,}less\b", r"\bin(?:capable|complete|correct|sufficient|valid|accurate)\w*",
                 r"\bdis(?:agree|miss|approv|pute|prov)\w*", r"\bmiss\w*", r"\bforb\w*", r"\bnegat\w*",
                 r"\bwrong\w*", r"\bfalse\w*", r"\bunless\b", r"\binstead\b", r"\bexcept\b", r"\bonly\b"),
        masked=(r"\bnot only\b", r"\bnot just\b", r"\bnot least\b", r"\bnot to mention\b",
                r"\bwhether or not\b", r"\bor not\b", r"\bif not\b", r"\bno doubt\b", r"\bno matter\b",
                r"\bnone other than\b", r"\bnothing but\b", r"\bnot until\b"),
    ),
    "fr": Lexicon(
        particles=(r"\bn[’']", r"\bne\b"),
        words=(r"\bnon\b(?! seulement)(?!\s*(?:[,.!?;:]|$))", r"\bnul(?:le)?\b"),
        concord=(r"\bpas\b", r"\bplus\b", r"\bjamais\b", r"\brien\b", r"\baucun\w*", r"\bpersonne\b",
                 r"\bguère\b", r"\bni\b", r"\bnulle part\b", r"\bpoint\b"),
        alone=(r"\bpas\b", r"\bjamais\b", r"\brien\b", r"\baucun\w*", r"\bnulle part\b"),
        lexical=(r"\bsans\b", r"\brefus\w*", r"\béchou\w*", r"\béchec\w*", r"\bni(?:e|es|ent|er|ait|aient|é|ée|és|ées|a|èrent)\b", r"\bmanqu\w*",
                 r"\bimpossib\w*", r"\bincapab\w*", r"\bin(?:connu|certain|suffisant|exact|juste|utile)\w*",
                 r"\binterdi\w*", r"\bempêch\w*", r"\brejet\w*", r"\babsen\w*", r"\bà peine\b", r"\bdément\w*",
                 r"\bévit\w*", r"\bcesse\w*", r"\barrêt(?!é)\w*", r"\bfaux\b", r"\bfausse\w*",
                 r"\bmalgré\b", r"\bsauf\b", r"\bseulement\b"),
        masked=(r"\bnon seulement\b", r"\bnon plus\b", r"\bne serait-ce que\b", r"\bou non\b", r"\bsinon\b",
                r"\bn['’]importe\b", r"\bnéanmoins\b", r"\bplus ou moins\b"),
        particle_needs_concord=True,
        restrictive=(r"\bqu",),
    ),
    "de": Lexicon(
        particles=(r"\bnicht\b",),
        words=(r"\bkein\w*", r"\bnie\b", r"\bniemals\b", r"\bnichts\b", r"\bniemand\w*", r"\bweder\b",
               r"\bnirgend\w*"),
        lexical=(r"\bohne\b", r"\bkaum\b", r"\bun(?!ter|s\b|se[rr]|ion|ivers|gef|d\b)\w{3,}", r"\bverweiger\w*",
                 r"\bablehn\w*", r"\blehnt\w*", r"\babgelehnt\w*", r"\bscheiter\w*", r"\bgescheitert\w*",
                 r"\bfehl\w*", r"\bmangel\w*", r"\bverbiet\w*", r"\bverbot\w*", r"\bbestreit\w*", r"\bbestritt\w*",
                 r"\bdementi\w*", r"\bverhinder\w*", r"\w{3,}los(?:e[nmrs]?)?\b", r"\bfalsch\w*", r"\bstatt\b",
                 r"\banstatt\b", r"\bnur\b", r"\bau(?:ß|ss)er\b", r"\bvermied\w*", r"\bvermeid\w*", r"\bnein\b"),
        masked=(r"\bnicht nur\b", r"\bnicht zuletzt\b", r"\bob\b[^,.;]*\boder nicht\b", r"\bnicht mehr als\b"),
    ),
    "es": Lexicon(
        particles=(r"\bno\b(?!\s*(?:[,.!?;:]|$))",),
        words=(r"\bnunca\b", r"\bjamás\b"),
        concord=(r"\bnada\b", r"\bnadie\b", r"\bningun\w*", r"\bninguna\w*", r"\bni\b", r"\btampoco\b",
                 r"\bnunca\b", r"\bjamás\b"),
        lexical=(r"\bsin\b", r"\brechaz\w*", r"\bneg[óa]\w*", r"\bnieg\w*", r"\bfracas\w*", r"\bfall[óaeé]\w*", r"\bfalt\w*",
                 r"\bimposib\w*", r"\bincapa\w*", r"\bin(?:cierto|suficiente|correct|exact|útil)\w*",
                 r"\bprohib\w*", r"\bimpid\w*", r"\bimpedi\w*", r"\bevit\w*", r"\bausen\w*", r"\bapenas\b",
                 r"\bdesconoc\w*", r"\bfals\w*", r"\bsalvo\b", r"\bexcepto\b", r"\bsólo\b", r"\bsolo\b",
                 r"\bsolamente\b", r"\ben vez\b", r"\ben lugar\b", r"\bdej[óa]\w* de\b", r"\bdeja\w* de\b"),
        masked=(r"\bno sólo\b", r"\bno solo\b", r"\bno solamente\b", r"\bo no\b", r"\bsi no\b", r"\bsino\b",
                r"\bno obstante\b", r"\bno más de\b"),
    ),
    "ru": Lexicon(
        particles=(r"(?<!\w)не(?!\w)", r"(?<!\w)нет(?!\w)(?!\s*(?:[,.!?;:]|$))", r"(?<!\w)нельзя(?!\w)"),
        words=(r"(?<!\w)никогда(?!\w)", r"(?<!\w)ни(?:кто|кого|кому|кем|ком|что|чего|чему|чем|где|куда|как|какой|какая|какое|какие|каких|каким)(?!\w)"),
        concord=(r"(?<!\w)ни(?!\w)", r"(?<!\w)никогда(?!\w)", r"(?<!\w)ни(?:кто|кого|кому|кем|ком|что|чего|чему|чем|где|куда|как|какой|какая|какое|какие|каких|каким)(?!\w)"),
        lexical=(r"(?<!\w)без(?!\w)", r"(?<!\w)отказ\w*", r"(?<!\w)отрица\w*", r"(?<!\w)опроверг\w*", r"(?<!\w)не(?!сколь|обходим|давн|мало|смотр|бо\w|сколько)\w{3,}",
                 r"(?<!\w)провал\w*", r"(?<!\w)отсутств\w*", r"(?<!\w)едва(?!\w)", r"(?<!\w)запрет\w*", r"(?<!\w)запрещ\w*",
                 r"(?<!\w)помеша\w*", r"(?<!\w)избе\w*", r"(?<!\w)лож\w*", r"(?<!\w)кроме(?!\w)", r"(?<!\w)только(?!\w)",
                 r"(?<!\w)лишь(?!\w)", r"(?<!\w)вместо(?!\w)", r"(?<!\w)отклон\w*", r"(?<!\w)прекрат\w*",
                 r"(?<!\w)перестал\w*", r"(?<!\w)лиш\w*"),
        masked=(r"(?<!\w)не только(?!\w)", r"(?<!\w)не просто(?!\w)", r"(?<!\w)или нет(?!\w)", r"(?<!\w)не менее(?!\w)",
                r"(?<!\w)не более(?!\w)", r"(?<!\w)тем не менее(?!\w)", r"(?<!\w)не раз(?!\w)"),
    ),
    "ar": Lexicon(
        particles=(r"(?<!\w)[وف]?(?:لا|لم|لن)(?!\w)", r"(?<!\w)[وف]?ليس\w*", r"(?<!\w)[وف]?لست\w*"),
        words=(r"(?<!\w)[وف]?أبدا(?!\w)",),
        lexical=(r"(?<!\w)[وف]?(?:بدون|دون|بلا)(?!\w)", r"(?<!\w)[وف]?عدم(?!\w)", r"(?<!\w)[وف]?غير(?!\w)",
                 r"(?<!\w)[وف]?(?:ما)(?!\w)", r"(?<!\w)[وف]?رفض\w*", r"(?<!\w)[وف]?(?:ي|ت|)رفض\w*",
                 r"(?<!\w)[وف]?فشل\w*", r"(?<!\w)[وف]?(?:ي|ت|)فشل\w*", r"(?<!\w)[وف]?نفى\w*", r"(?<!\w)[وف]?(?:ي|ت)نفي\w*",
                 r"(?<!\w)[وف]?نفت(?!\w)", r"(?<!\w)[وف]?إلا(?!\w)", r"(?<!\w)[وف]?سوى(?!\w)", r"(?<!\w)[وف]?فقط(?!\w)",
                 r"(?<!\w)[وف]?بال?كاد(?!\w)", r"(?<!\w)[وف]?مستحيل\w*", r"(?<!\w)[وف]?منع\w*", r"(?<!\w)[وف]?(?:ي|ت)منع\w*",
                 r"(?<!\w)[وف]?حظر\w*", r"(?<!\w)[وف]?غياب(?!\w)", r"(?<!\w)[وف]?بدلا(?!\w)", r"(?<!\w)[وف]?بل(?!\w)",
                 r"(?<!\w)[وف]?(?:ي|ت)تجنب\w*", r"(?<!\w)[وف]?تجنب\w*", r"(?<!\w)[وف]?توقف\w*", r"(?<!\w)[وف]?(?:ي|ت)توقف\w*",
                 r"(?<!\w)[وف]?عاجز\w*", r"(?<!\w)[وف]?خطأ(?!\w)", r"(?<!\w)[وف]?كاذب\w*", r"(?<!\w)[وف]?(?:ي|ت)فتقر\w*"),
        restrictive=(r"(?<!\w)[وف]?(?:إلا|الا)(?!\w)",),
        masked=(r"(?<!\w)[وف]?ليس فقط(?!\w)", r"(?<!\w)[وف]?لا سيما(?!\w)", r"(?<!\w)[وف]?لا سيّما(?!\w)",
                r"(?<!\w)[وف]?ما إذا(?!\w)", r"(?<!\w)[وف]?أم لا(?!\w)", r"(?<!\w)[وف]?لا يزال(?!\w)",
                r"(?<!\w)[وف]?لا تزال(?!\w)", r"(?<!\w)[وف]?لا زال\w*", r"(?<!\w)[وف]?ما زال\w*",
                r"(?<!\w)[وف]?ما يزال(?!\w)", r"(?<!\w)[وف]?ما تزال(?!\w)", r"(?<!\w)[وف]?لم يعد\w*"),
    ),
    "ko": Lexicon(
        particles=(r"않", r"(?<![가-힣])안 ", r"(?<![가-힣])못(?:[ 했하한할])", r"없", r"아니", r"지 말", r"지 마"),
        lexical=(r"모르", r"몰랐", r"거부", r"거절", r"부인", r"부정", r"실패", r"불(?:가능|확실|명|충분|법|허|참|발)",
                 r"무(?:산|효|시)", r"비(?:난|공개)", r"반대", r"금지", r"막(?:았|기|으|는|을|아)", r"피하", r"피했", r"중단", r"멈", r"대신",
                 r"뿐", r"만(?:이| 아니라)", r"밖에", r"제외", r"외에", r"미(?:정|확인|지수)", r"잘못", r"거짓"),
        masked=(r"뿐만 아니라", r"뿐 아니라", r"아니라", r"지 않고서는", r"수밖에 없", r"(?<![가-힣])안(?:에|의|으로|에서|팎|전|정)"),
    ),
    "zh": Lexicon(
        particles=(r"不", r"没", r"沒", r"未", r"别", r"勿", r"莫", r"甭"),
        words=(r"无", r"無", r"非", r"否(?!认|定|决)"),
        lexical=(r"拒", r"失败", r"否认", r"否定", r"否决", r"反对", r"禁", r"阻止", r"避免", r"停止", r"缺", r"难以", r"难",
                 r"只", r"仅", r"除", r"而是", r"错", r"假", r"虚"),
        masked=(r"不仅", r"不但", r"不只", r"不过", r"不断", r"不少", r"不久", r"不同", r"不管", r"不论", r"差不多",
                r"不得不", r"不停", r"不料", r"不如", r"不禁", r"非常", r"非洲", r"未来", r"无论", r"是否", r"否则",
                r"能否", r"可否", r"与否", r"并非不", r"莫斯科", r"莫名", r"别人", r"别的", r"特别", r"分别", r"区别",
                r"级别", r"类别", r"个别", r"告别", r"无数", r"非法", r"除非", r"要不", r"不然", r"不一会", r"不满",
                r"未必", r"非但", r"无核", r"無核", r"非核", r"未遂", r"沒有不", r"没有不", r"迫不及待", r"不可思议", r"不安", r"不幸", r"不错", r"不良",
                r"停滞不前", r"别名"),  # "stalled", "alias"
    ),
    "ja": Lexicon(
        particles=(r"(?<![少危幼])(?<!足り)(?:な(?:い|かった|く|ければ|し)|ません|ず(?!つ|っと|か)|無い)", r"じゃない", r"ではない"),
        words=(r"無(?!理|事|料|核|実)", r"非(?!常|核)", r"未(?!来|満|遂)", r"不(?!足|動産)"),
        lexical=(r"拒", r"否", r"失敗", r"反対", r"禁", r"阻", r"避け", r"停止", r"やめ", r"止め", r"欠", r"困難",
                 r"だけ", r"のみ", r"しか", r"以外", r"ではなく", r"代わり", r"誤", r"偽", r"嘘", r"できず", r"足りな"),
        masked=(r"だけでなく", r"のみならず", r"ばかりでなく", r"かどうか", r"非常", r"未来", r"少ない", r"危ない",
                r"な(?:ければ|くては|くちゃ)(?:なら|なり|いけ)(?:ない|ません)", r"ざるを得(?:ない|ません)", r"に違いない", r"かもしれない",
                r"しかない", r"にすぎない", r"に過ぎない", r"間もなく", r"まもなく", r"ほどなく", r"さりげなく",
                r"なくなっ", r"亡くな", r"無くな", r"問題ない", r"絶えない", r"限らない",
                r"とてつもない", r"とんでもない", r"もったいない", r"つまらない", r"間違いない", r"仕方(?:が)?ない"),
    ),
}
