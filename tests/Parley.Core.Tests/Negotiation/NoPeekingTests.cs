using System.Reflection;
using Parley.Model;
using Parley.Negotiation;
using Parley.Negotiation.Protocols;
using Parley.Negotiation.Strategies;

namespace Parley.Tests.Negotiation;

/// <summary>An agent sees only its own preferences and the offers made.</summary>
public class NoPeekingTests
{
    private static readonly Type[] Forbidden = [typeof(Scenario), typeof(PartyPreferences), typeof(PartyModel), typeof(ValueList<PartyPreferences>)];

    private static IEnumerable<Type> FieldTypes(Type t) =>
        t.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Select(f => f.FieldType);

    private static bool Leaks(Type fieldType) =>
        Forbidden.Any(f => f.IsAssignableFrom(fieldType))
        || (fieldType.IsArray && (Leaks(fieldType.GetElementType()!) || typeof(IUtilityView).IsAssignableFrom(fieldType.GetElementType())))
        || (fieldType.IsGenericType && fieldType.GetGenericArguments().Any(a => Leaks(a) || typeof(IUtilityView).IsAssignableFrom(a)));

    [Fact]
    public void StrategiesAndViews_HoldNoPathToOtherPartiesPreferences()
    {
        var assembly = typeof(INegotiator).Assembly;
        var agentSide = assembly.GetTypes().Where(t =>
            typeof(INegotiator).IsAssignableFrom(t) || typeof(IBidding).IsAssignableFrom(t) || typeof(IUtilityView).IsAssignableFrom(t)
            || t == typeof(AgentContext) || t == typeof(FrequencyOpponentModel) || t == typeof(NegotiationState)).ToList();

        Assert.Contains(typeof(PartyView), agentSide);
        Assert.Contains(typeof(Negotiator), agentSide);
        foreach (var type in agentSide)
        {
            foreach (var field in FieldTypes(type))
            {
                Assert.False(Leaks(field), $"{type.Name} has a field of type {field.Name}, which could reach another party's preferences");
            }
        }
    }

    [Fact]
    public void Protocols_StartEachAgentWithItsOwnViewOnly()
    {
        var views = new IUtilityView[] { TestDomains.Line("A", 5), TestDomains.Line("B", 5), TestDomains.Line("C", 5) };
        var agents = Enumerable.Range(0, 3).Select(_ => ScriptedAgent.OfferThenAccept(1, acceptFrom: 0)).ToArray();
        AlternatingOffersProtocol.Instance.Run(agents, views, new SessionRules(3), new SplitMix64(1));

        Assert.Equal(["A", "B", "C"], agents.Select(a => a.View!.PartyId));
        Assert.All(agents.Select((a, i) => (a, i)), x => Assert.Same(views[x.i], x.a.View));
    }

    [Fact]
    public void Agent_BehavesTheSame_WhateverTheOpponentsPrivatePreferences()
    {
        // Same offers from the opponent, different private utilities behind them: the agent's moves cannot differ.
        IReadOnlyList<TraceMove> Moves(double[][] opponentTable)
        {
            var rng = new SplitMix64(9);
            var agent = StrategySpec.TryParse("boulware:model=true", out _)!.Create(ref rng);
            var opponent = new ScriptedAgent((s, _) => Move.Offer(s.Round % 9));
            var trace = new SessionTrace();
            AlternatingOffersProtocol.Instance.Run([agent, opponent],
                [TestDomains.Table("A", [[0, 10, 20], [0, 15, 30], [50, 25, 0]]), TestDomains.Table("B", opponentTable)],
                new SessionRules(12), new SplitMix64(4), trace);
            return [.. trace.Moves.Where(m => m.Party == 0)];
        }

        Assert.Equal(Moves([[30, 20, 0], [30, 15, 0], [0, 20, 50]]), Moves([[0, 0, 0], [99, 1, 0], [5, 5, 90]]));
    }
}
