package org.vigil.certification;

/** Why a recipient is on a list; each names the article of seed 003 it comes from. */
public enum ReasonCode {
    /** Alive after the last certification: the latest such evidence certifies (第十三、十七条). */
    PROOF_OF_LIFE("有生存迹象", "第十七条"),
    /** A dependent under 16 has no certification period (第十条). */
    MINOR_DEPENDENT("未满16周岁供养亲属，不设认证期", "第十条"),
    DEATH("死亡", "第十八条"),
    MISSING("失踪", "第十八条"),
    CUSTODY("服刑", "第十八条"),
    ADOPTED("供养亲属被收养", "第十八条第二款"),
    REMARRIED("工亡职工配偶再婚", "第十八条第二款"),
    EMPLOYED("供养亲属就业", "第十八条第二款"),
    ENLISTED("供养亲属参军", "第十八条第二款"),
    /** A loss (a death, say) only a weak source reports: a person confirms it before any benefit stops. */
    LOSS_UNCONFIRMED("丧失资格信息来源不足，待核实", "第十九条"),
    /** A death followed by signs of life: identity fraud, or a living person recorded dead. */
    DEATH_CONTRADICTED("死亡后仍有生存迹象，待调查", "第十九条"),
    /** No qualifying evidence since the period started (第十九条). */
    NO_EVIDENCE("认证服务期内无认证信息", "第十九条"),
    /** The period ended without certification: certification fails, the reason noted (第二十四条). */
    PERIOD_ENDED("认证服务期届满未认证，认证不通过", "第二十四条");

    private final String chinese;
    private final String article;

    ReasonCode(String chinese, String article) {
        this.chinese = chinese;
        this.article = article;
    }

    public String chinese() {
        return chinese;
    }

    /** The article of seed 003 (the city's certification measures) the reason rests on. */
    public String article() {
        return article;
    }

    static ReasonCode of(EvidenceEffect effect) {
        return switch (effect) {
            case ALIVE -> PROOF_OF_LIFE;
            case DEATH -> DEATH;
            case MISSING -> MISSING;
            case CUSTODY -> CUSTODY;
            case ADOPTED -> ADOPTED;
            case REMARRIED -> REMARRIED;
            case EMPLOYED -> EMPLOYED;
            case ENLISTED -> ENLISTED;
        };
    }
}
