/**
 * The HTML report. Kept as a module (not a .hbs file) so that the build ships it without a copy
 * step. No triple braces: every value is escaped; charts are SVG elements written in the template from
 * a laid-out view model, not strings spliced in.
 */
export const REPORT_TEMPLATE = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title>
<style>
  body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #ffffff; margin: 2rem; line-height: 1.4; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
  table { border-collapse: collapse; margin: 1rem 0; }
  caption { text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
  th, td { border: 1px solid #6b6b6b; padding: 0.25rem 0.5rem; text-align: left; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  figure { margin: 1rem 0; }
  figcaption { font-weight: bold; margin-bottom: 0.3rem; }
  .note { color: #333333; }
  svg text { fill: #1a1a1a; font-size: 13px; }
  svg rect.bar { fill: #1f4e79; }
  @media print { body { margin: 1cm; } }
</style>
</head>
<body>
<main>
<h1>{{title}}</h1>
<p class="note">{{audienceNote}}</p>
{{#if isPublic}}<p class="note">{{t.suppressionNote}}</p>{{/if}}

<section aria-labelledby="h-headline">
<h2 id="h-headline">{{t.headline}}</h2>
<table>
<caption>{{t.headlineCaption}} ({{regionName}}, {{year}})</caption>
<thead><tr><th scope="col">{{t.figure}}</th><th scope="col">{{year}}</th><th scope="col">{{previousYear}}</th><th scope="col">{{t.change}}</th></tr></thead>
<tbody>
{{#each headline}}<tr><th scope="row">{{label}}</th><td class="num">{{value}}</td><td class="num">{{previous}}</td><td class="num">{{change}}</td></tr>
{{/each}}</tbody>
</table>
</section>

<section aria-labelledby="h-visits">
<h2 id="h-visits">{{t.visitsHeading}}</h2>
{{#each charts}}
<figure aria-labelledby="{{id}}-caption">
<figcaption id="{{id}}-caption">{{title}}</figcaption>
<svg role="img" aria-labelledby="{{id}}-title {{id}}-desc" width="600" height="{{height}}" viewBox="0 0 600 {{height}}" xmlns="http://www.w3.org/2000/svg">
<title id="{{id}}-title">{{title}}</title>
<desc id="{{id}}-desc">{{description}}</desc>
{{#each bars}}<text x="0" y="{{textY}}">{{label}}</text><rect class="bar" x="220" y="{{y}}" width="{{width}}" height="20"></rect><text x="{{#if width}}{{width}}{{else}}0{{/if}}" dx="228" y="{{textY}}">{{valueText}}</text>
{{/each}}</svg>
<p>{{description}}</p>
</figure>
{{/each}}
</section>

<section aria-labelledby="h-municipalities">
<h2 id="h-municipalities">{{t.municipalities}}</h2>
<table>
<caption>{{t.municipalitiesCaption}}</caption>
<thead><tr>{{#each municipalityHeaders}}<th scope="col">{{this}}</th>{{/each}}</tr></thead>
<tbody>
{{#each municipalities}}<tr><td>{{nisCode}}</td><th scope="row">{{name}}</th><td class="num">{{inhabitants}}</td><td class="num">{{spacesActive}}</td><td class="num">{{animatorFte}}</td><td class="num">{{animatorFtePer10k}}</td><td class="num">{{gap}}</td><td class="num">{{visits}}</td></tr>
{{/each}}</tbody>
</table>
{{#if hasNoSpace}}<p class="note">{{t.noSpaceLegend}}</p>{{/if}}
</section>

<section aria-labelledby="h-funding">
<h2 id="h-funding">{{t.funding}}</h2>
{{#if hasFunding}}
<table>
<caption>{{t.fundingCaption}}</caption>
<thead><tr><th scope="col">{{t.source}}</th><th scope="col">{{t.amount}}</th><th scope="col">{{t.share}}</th></tr></thead>
<tbody>
{{#each funding}}<tr><th scope="row">{{source}}</th><td class="num">{{amount}}</td><td class="num">{{share}}</td></tr>
{{/each}}</tbody>
</table>
{{else}}<p>{{t.noFunding}}</p>{{/if}}
<h3>{{t.ending}}</h3>
{{#if hasEnding}}
<table>
<caption>{{t.endingCaption}}</caption>
<thead><tr><th scope="col">{{t.space}}</th><th scope="col">{{t.endsOn}}</th></tr></thead>
<tbody>
{{#each ending}}<tr><th scope="row">{{ref}} – {{name}}</th><td>{{endsOn}}</td></tr>
{{/each}}</tbody>
</table>
{{else}}<p>{{t.noEnding}}</p>{{/if}}
</section>
</main>
</body>
</html>
`;
