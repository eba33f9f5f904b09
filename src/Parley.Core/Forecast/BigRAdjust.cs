namespace Parley.Forecast;

/// <summary>How actor h estimates actor i's risk attitude from its own (anchoring and adjustment).</summary>
internal enum BigRAdjust
{
    /// <summary>r_hi = r_h.</summary>
    None,

    /// <summary>r_hi = (2 r_h + r_i)/3 (KTAB default).</summary>
    OneThird,

    /// <summary>r_hi = (r_h + r_i)/2.</summary>
    Half,

    /// <summary>r_hi = (r_h + 2 r_i)/3.</summary>
    TwoThirds,

    /// <summary>r_hi = r_i.</summary>
    Full,
}
