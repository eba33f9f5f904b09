namespace Parley.Bargaining;

/// <summary>How a single package is picked from the agreement zone to be tabled as a single negotiating text.</summary>
public enum SuggestionRule
{
    /// <summary>Maximise the smallest gain over reservation (the worst-off party first); ties by the Nash product.</summary>
    MaxMinGain,

    /// <summary>The Nash bargaining solution.</summary>
    Nash,

    /// <summary>The Kalai–Smorodinsky solution.</summary>
    KalaiSmorodinsky,
}
