namespace Parley.Scenarios;

/// <summary>The YAML 1.1 booleans every section of a scenario file accepts (true/yes/on, false/no/off).</summary>
internal static class YamlBoolean
{
    /// <summary>The boolean a scalar spells, or null when it spells none.</summary>
    public static bool? Parse(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => null,
    };
}
