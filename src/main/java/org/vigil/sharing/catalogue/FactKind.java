package org.vigil.sharing.catalogue;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a row of a feed states. Most feeds state one kind of fact; a few state one of two, told
 * apart per row by their {@link ColumnRole#EVENT_KIND} column (a community report row is a death
 * or a visit; a prison row an admission or a release), and then {@link FeedDefinition#factOf}
 * gives each row's own fact.
 */
public enum FactKind {

    DEATH("死亡", EnumSet.of(FeedClass.DEATH)),
    /** Per row, {@link #DEATH} or {@link #LIFE_SIGN}: community reports. */
    DEATH_OR_LIFE_SIGN("死亡或生存迹象", EnumSet.of(FeedClass.DEATH)),
    SENTENCE("判刑", EnumSet.of(FeedClass.SENTENCE)),
    /** Per row, {@link #PRISON_ADMISSION} or {@link #PRISON_RELEASE}. */
    PRISON_ADMISSION_OR_RELEASE("入监或释放", EnumSet.of(FeedClass.CUSTODY)),
    PRISON_ADMISSION("入监", EnumSet.of(FeedClass.CUSTODY)),
    PRISON_RELEASE("释放", EnumSet.of(FeedClass.CUSTODY)),
    /** Any trace that the person was alive on the event date (SHARE-3 class 3, CERT-8). */
    LIFE_SIGN("生存迹象", EnumSet.of(FeedClass.PROOF_OF_LIFE)),
    /** An enrollment in, or separation from, one of the schemes; HRSS sends it as proof of life too. */
    ENROLLMENT("参保登记变更", EnumSet.of(FeedClass.PROOF_OF_LIFE, FeedClass.REGISTRY)),
    ID_PHOTO("身份证照片", EnumSet.of(FeedClass.PHOTO)),
    HOUSEHOLD("户籍", EnumSet.of(FeedClass.REGISTRY)),
    EMPLOYER("用人单位登记", EnumSet.of(FeedClass.REGISTRY)),
    ORGANIZATION_CODE("组织机构代码", EnumSet.of(FeedClass.REGISTRY)),
    WAGE("工资薪金所得", EnumSet.of(FeedClass.REGISTRY)),
    TAX_PAYMENT("单位缴税", EnumSet.of(FeedClass.REGISTRY)),
    STUDENT("在校学生", EnumSet.of(FeedClass.REGISTRY)),
    NEWBORN("未登记户籍新生儿", EnumSet.of(FeedClass.REGISTRY)),
    SOCIAL_ASSISTANCE("低保及特困供养", EnumSet.of(FeedClass.REGISTRY)),
    MARRIAGE("婚姻登记", EnumSet.of(FeedClass.REGISTRY)),
    ADOPTION("收养登记", EnumSet.of(FeedClass.REGISTRY)),
    /** On a justice bureau's roster of people serving a sentence. */
    PRISONER("服刑人员", EnumSet.of(FeedClass.REGISTRY)),
    CONSTRUCTION_WORKER("建筑施工实名制用工", EnumSet.of(FeedClass.REGISTRY)),
    ESTABLISHED_POST("机关事业单位编制", EnumSet.of(FeedClass.REGISTRY)),
    NCMS_PARTICIPATION("新农合参合", EnumSet.of(FeedClass.REGISTRY)),
    ENLISTMENT("批准入伍", EnumSet.of(FeedClass.REGISTRY));

    private final String chinese;
    private final Set<FeedClass> classes;

    FactKind(String chinese, Set<FeedClass> classes) {
        this.chinese = chinese;
        this.classes = classes;
    }

    public String chinese() {
        return chinese;
    }

    /** Whether a feed of this class may state this fact. */
    public boolean fits(FeedClass feedClass) {
        return classes.contains(feedClass);
    }

    /** Whether each row states one of two facts, named by its event-kind column. */
    public boolean isPerRow() {
        return this == DEATH_OR_LIFE_SIGN || this == PRISON_ADMISSION_OR_RELEASE;
    }

    /** Whether {@code rowFact} is one of the facts a row of a feed stating this one may state. */
    public boolean admitsRowFact(FactKind rowFact) {
        return switch (this) {
            case DEATH_OR_LIFE_SIGN -> rowFact == DEATH || rowFact == LIFE_SIGN;
            case PRISON_ADMISSION_OR_RELEASE -> rowFact == PRISON_ADMISSION || rowFact == PRISON_RELEASE;
            default -> rowFact == this;
        };
    }
}
