namespace Parley.Scenarios.Diff;

/// <summary>Thrown by a change's patch when the scenario it is applied to lacks what the change edits.</summary>
internal sealed class ChangeNotApplicableException(string message) : Exception(message);
