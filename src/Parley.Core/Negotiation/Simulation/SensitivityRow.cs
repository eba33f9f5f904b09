namespace Parley.Negotiation.Simulation;

/// <summary>One prior varied at a time: P(agreement by the date) and P(focus stage opened by the date) at its low and high setting.</summary>
/// <param name="Factor">The prior varied.</param>
/// <param name="Low">Label of the low setting.</param>
/// <param name="High">Label of the high setting.</param>
/// <param name="AgreementLow">P(agreement) at the low setting.</param>
/// <param name="AgreementHigh">P(agreement) at the high setting.</param>
/// <param name="FocusLow">P(focus stage opened) at the low setting (null without a focus stage).</param>
/// <param name="FocusHigh">P(focus stage opened) at the high setting.</param>
/// <param name="Swing">The largest absolute change between the two settings, over both probabilities.</param>
public sealed record SensitivityRow(string Factor, string Low, string High, double AgreementLow, double AgreementHigh, double? FocusLow, double? FocusHigh, double Swing);
