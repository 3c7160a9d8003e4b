using System.Net;
using System.Text;
using NormDecay.Charts.Text;

namespace NormDecay.Cli.Coursework;

/// <summary>
/// A self-contained HTML feedback page for one submission, in the submission's language (Persian right-to-left with
/// <c>dir="rtl"</c>). Everything taken from the submission is HTML-encoded. No timestamp, so the page is deterministic.
/// </summary>
public static class FeedbackPage
{
    /// <summary>Renders the page.</summary>
    public static string Render(SubmissionGrade grade)
    {
        ArgumentNullException.ThrowIfNull(grade);
        string l = CourseLanguage.OrDefault(grade.Language);
        string E(string s) => WebUtility.HtmlEncode(s);
        string T(string name) => E(FeedbackText.Label(name, l));
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(l).Append("\" dir=\"").Append(CourseLanguage.Direction(l)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<title>").Append(T("title")).Append(": ").Append(E(grade.Student)).Append(" / ").Append(E(grade.Assignment)).Append("</title>\n")
          .Append("<style>body{font-family:Vazirmatn,Tahoma,'Segoe UI',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6}")
          .Append("table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem .6rem;text-align:start;vertical-align:top}")
          .Append(".pass{color:#1a7f37}.fail{color:#b42318}.manual{color:#8a5a00}code{direction:ltr;unicode-bidi:embed}</style>\n</head>\n<body>\n")
          .Append("<h1>").Append(T("title")).Append("</h1>\n<p>").Append(T("student")).Append(": <b>").Append(E(grade.Student)).Append("</b><br>")
          .Append(T("assignment")).Append(": <code>").Append(E(grade.Assignment)).Append("</code><br>")
          .Append(T("score")).Append(": <b id=\"score\">").Append(GradeCell.Format(grade.Score)).Append(" / ").Append(GradeCell.Format(grade.Max)).Append("</b>")
          .Append(grade.ManualMax > 0 ? " + <span id=\"manual\">" + GradeCell.Format(grade.ManualMax) + " " + T("manual") + "</span>" : "").Append("</p>\n")
          .Append("<table>\n<tr><th>").Append(T("part")).Append("</th><th>").Append(T("points")).Append("</th><th>").Append(T("checkedCol")).Append("</th><th>")
          .Append(T("expected")).Append("</th><th>").Append(T("actual")).Append("</th><th>").Append(T("result")).Append("</th></tr>\n");
        foreach (PartScore p in grade.Parts)
        {
            sb.Append("<tr class=\"").Append(p.Manual ? "manual" : p.Passed ? "pass" : "fail").Append("\" data-part=\"").Append(E(p.GradeId)).Append("\"><td><code>").Append(E(p.GradeId)).Append("</code></td><td>")
              .Append(GradeCell.Format(p.Points)).Append(" / ").Append(GradeCell.Format(p.Max)).Append("</td><td>").Append(E(p.Checked)).Append("</td><td><code>")
              .Append(E(p.Expected)).Append("</code></td><td><code>").Append(E(p.Actual)).Append("</code></td><td>").Append(E(p.Line.Text(l))).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
        var notes = grade.Notes.Where(n => !grade.Parts.Any(p => ReferenceEquals(p.Line, n))).ToList();
        if (notes.Count > 0)
        {
            sb.Append("<h2>").Append(T("notes")).Append("</h2>\n<ul>\n");
            foreach (FeedbackLine n in notes)
            {
                sb.Append("<li>").Append(E(n.Text(l))).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("<p><small>").Append(T("footer")).Append("</small></p>\n</body>\n</html>\n");
        return sb.ToString();
    }
}
