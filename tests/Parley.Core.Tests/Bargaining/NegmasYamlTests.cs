using Parley.Bargaining.Import;
using Parley.Scenarios;

namespace Parley.Core.Tests.Bargaining;

/// <summary>NegMAS scenario folders in the YAML layout, as self-written fixtures following NegMAS's published format.</summary>
public sealed class NegmasYamlTests
{
    private const string Domain = """
        name: shop
        type: negmas.outcomes.DiscreteCartesianOutcomeSpace
        issues:
        - name: item
          type: CategoricalIssue
          values: [tea, coffee, "yes"]
        - name: qty
          type: ContiguousIssue
          values: [1, 3]
        - name: price
          type: DiscreteCardinalIssue
          values: [10, 12.5]
        """;

    private const string Buyer = """
        type: LinearAdditiveUtilityFunction
        name: scenarios/buyer.xml
        reserved_value: 0.2
        bias: 0.05
        weights: {item: 0.5, qty: 0.25, price: 0.2}
        values:
          item: {type: TableFun, mapping: {tea: 1.0, coffee: 0.5, "yes": 0}}
          qty: {type: AffineFun, slope: 0.5, bias: -0.5}
          price: {type: TableFun, mapping: {10: 1, 12.5: 0}}
        """;

    private const string Seller = """
        type: ExpDiscountedUFun
        discount: 0.8
        factor: time
        reserved_value: -.inf
        ufun:
          type: negmas.preferences.LinearAdditiveUtilityFunction
          reserved_value: 0.3
          weights: [0.2, 0.3, 0.5]
          values:
          - type: TableFun
            mapping: {tea: 0, coffee: 1, "yes": 0.5}
          - type: IdentityFun
          - type: LinearFun
            slope: 0.04
        """;

    private static List<SourceText> Folder(params (string Name, string Text)[] files) =>
        [.. files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new SourceText("shop/" + f.Name, f.Text))];

    private static List<SourceText> Shop(string? buyer = null, string? seller = null, string? domain = null) =>
        Folder(("shop.yml", domain ?? Domain), ("buyer.yml", buyer ?? Buyer), ("seller.yml", seller ?? Seller), ("_info.yaml", "name: shop\ntitle: A shop\n"));

    [Fact]
    public void Read_Folder_IssuesValueFunctionsWeightsBiasAndDiscount()
    {
        var imported = NegmasYaml.Read(Shop());
        var t = imported.Table;

        Assert.Empty(imported.Warnings);
        Assert.Equal(["item", "qty", "price"], t.Space.Issues.Select(i => i.Id));
        Assert.Equal(["tea", "coffee", "yes"], t.Space.Issues[0].OptionIds);
        Assert.Equal(["qty1", "qty2", "qty3"], t.Space.Issues[1].OptionIds);
        Assert.Equal(["price10", "price12.5"], t.Space.Issues[2].OptionIds);
        Assert.Equal(["buyer", "seller"], t.Parties.Select(p => p.Id));
        var buyer = t.Parties[0];
        // u = 0.5·item + 0.25·(0.5·qty − 0.5) + 0.2·price + 0.05 (the bias rides on the first issue).
        Assert.Equal((0.5 * 1.0) + (0.25 * 0.5) + (0.2 * 1) + 0.05, buyer.Utility([0, 1, 0]), 12);
        Assert.Equal(0.2, buyer.Reservation);
        var seller = t.Parties[1];
        Assert.Equal((0.2 * 1) + (0.3 * 3) + (0.5 * 0.04 * 12.5), seller.Utility([1, 2, 1]), 12);
        Assert.Equal(0.3, seller.Reservation);
        Assert.Equal(0.8, seller.DiscountFactor);
        Assert.Equal(0, t.Scale.Min);
        Assert.True(t.Scale.Max >= seller.MaxUtility);
    }

    [Fact]
    public void Read_NoReservedValue_TakesTheLowestUtilityWithAWarning()
    {
        var imported = NegmasYaml.Read(Shop(buyer: Buyer.Replace("reserved_value: 0.2", "reserved_value: -.inf", StringComparison.Ordinal)));

        var warning = Assert.Single(imported.Warnings);
        Assert.Equal("shop/buyer.yml", warning.File);
        Assert.Equal(3, warning.Line);
        Assert.Contains("reserved_value: none (or −∞)", warning.Message, StringComparison.Ordinal);
        Assert.Equal(imported.Table.Parties[0].MinUtility, imported.Table.Parties[0].Reservation, 12);
    }

    [Theory]
    [InlineData("buyer", "price: {type: TableFun, mapping: {10: 1, 12.5: 0}}", "price: {type: TableFun, mapping: {10: 1}}", "shop/buyer.yml:9:36: error: values.price.mapping: no utility for value '12.5' of issue 'price'")]
    [InlineData("buyer", "tea: 1.0", "milk: 1.0", "shop/buyer.yml:7:36: error: values.item.mapping.milk: 'milk' is not a value of issue 'item'")]
    [InlineData("buyer", "weights: {item: 0.5, qty: 0.25, price: 0.2}", "weights: {item: 0.5, size: 0.25}", "shop/buyer.yml:5:22: error: weights.size: 'size' is not an issue of the outcome space (item, qty, price)")]
    [InlineData("buyer", "type: AffineFun", "type: CosFun", "shop/buyer.yml:8:15: error: values.qty.type: value function 'CosFun' is not supported (TableFun, AffineFun, LinearFun, IdentityFun, ConstFun)")]
    [InlineData("buyer", "type: LinearAdditiveUtilityFunction", "type: MappingUtilityFunction", "shop/buyer.yml:1:7: error: type: utility function type 'MappingUtilityFunction' is not linear additive; supported: LinearAdditiveUtilityFunction, LinearUtilityFunction, AffineUtilityFunction (optionally in ExpDiscountedUFun)")]
    [InlineData("seller", "  weights: [0.2, 0.3, 0.5]", "  weights: [0.2, 0.3]", "shop/seller.yml:8:12: error: ufun.weights: 2 entries for 3 issues (item, qty, price)")]
    [InlineData("seller", "    slope: 0.04", "    slope: cheap", "shop/seller.yml:14:12: error: ufun.values[2].slope: expected a number, found 'cheap'")]
    [InlineData("domain", "type: ContiguousIssue", "type: ContinuousIssue", "shop/shop.yml:8:9: error: issues[1].type: issue 'qty' is continuous; only discrete issues can be bargained over exactly")]
    [InlineData("domain", "values: [1, 3]", "values: [1, 3", "shop/shop.yml:")]
    [InlineData("seller", "  - type: IdentityFun", "  - type: IdentityFun\n    bias: [", "shop/seller.yml:")]
    public void Read_BadFile_LocatedError(string which, string find, string replace, string expected)
    {
        string Edit(string text) => text.Replace(find, replace, StringComparison.Ordinal);
        var ex = Assert.Throws<ScenarioException>(() => NegmasYaml.Read(which switch
        {
            "buyer" => Shop(buyer: Edit(Buyer)),
            "seller" => Shop(seller: Edit(Seller)),
            _ => Shop(domain: Edit(Domain)),
        }));

        Assert.StartsWith(expected, ex.Diagnostics[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NumericValueFunctionOnTextValues_IsAnError()
    {
        var ex = Assert.Throws<ScenarioException>(() => NegmasYaml.Read(Shop(buyer: Buyer.Replace("item: {type: TableFun, mapping: {tea: 1.0, coffee: 0.5, \"yes\": 0}}", "item: {type: IdentityFun}", StringComparison.Ordinal))));
        Assert.Contains("values.item: a numeric value function needs numeric values, but issue 'item' has the value 'tea'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FolderWithoutDomainOrWithTwo_IsAnError()
    {
        var none = Assert.Throws<ScenarioException>(() => NegmasYaml.Read(Folder(("buyer.yml", Buyer), ("seller.yml", Seller))));
        Assert.Contains("no outcome-space file", none.Message, StringComparison.Ordinal);
        var two = Assert.Throws<ScenarioException>(() => NegmasYaml.Read(Folder(("a.yml", Domain), ("b.yml", Domain), ("buyer.yml", Buyer))));
        Assert.StartsWith("shop/b.yml:2:7: error: type: a second outcome-space file (the first is shop/a.yml)", two.Diagnostics[0].ToString(), StringComparison.Ordinal);
        var alone = Assert.Throws<ScenarioException>(() => NegmasYaml.Read(Folder(("shop.yml", Domain))));
        Assert.Contains("no utility-function file", alone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnrelatedYamlFiles_IgnoredWithAWarningUnlessUnderscored()
    {
        var imported = NegmasYaml.Read(Folder(("shop.yml", Domain), ("buyer.yml", Buyer), ("seller.yml", Seller), ("_stats.yaml", "opposition: 0.4\n"), ("notes.yml", "title: notes\n")));

        var warning = Assert.Single(imported.Warnings);
        Assert.Equal("shop/notes.yml:1:1: warning: no 'type' key: neither an outcome space nor a utility function; ignored", warning.ToString());
    }
}
