namespace Parley.Conflict;

/// <summary>The stability concepts of the graph model.</summary>
internal enum ConceptKind
{
    Nash,
    Gmr,
    Smr,
    Seq,
    Sim,
    SeqSim,
    Limited,
}
