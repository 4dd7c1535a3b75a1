/// The page's inline style sheet: readable on screen, and A4 pages in print with no chart cut in two.
enum ReportStyle {
    static let css = """
    :root{color-scheme:light}
    body{margin:0;background:#fff;color:#1a1a1a;font-family:"Noto Sans","Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei","Helvetica Neue",Arial,sans-serif;font-size:15px;line-height:1.45}
    main{max-width:920px;margin:0 auto;padding:28px 20px 40px}
    header h1{font-size:26px;margin:0 0 6px}
    .sub{color:#555;font-size:13px;margin:2px 0}
    section{margin:30px 0 0}
    h2{font-size:20px;margin:0 0 10px;padding-bottom:4px;border-bottom:2px solid #0072B2}
    figure{margin:10px 0 18px;break-inside:avoid;page-break-inside:avoid}
    .keep{break-inside:avoid;page-break-inside:avoid}
    svg{display:block;max-width:100%;height:auto;font-family:inherit}
    p.note{color:#555;font-size:13px;margin:4px 0 10px}
    p.statement{font-size:15px;margin:6px 0 10px;padding:8px 12px;background:#e3eff7;border-left:4px solid #0072B2}
    table{border-collapse:collapse;font-size:13px;margin:6px 0 12px;width:100%}
    th,td{border-bottom:1px solid #ddd;padding:5px 8px;text-align:left;vertical-align:top}
    th{background:#f6f8fa;font-weight:600}
    td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    ol.verbatims{list-style:none;padding:0;margin:0}
    ol.verbatims li{margin:0 0 10px;padding:8px 12px;border-left:4px solid #D55E00;background:#fbf3ee;break-inside:avoid}
    ol.verbatims blockquote{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
    ol.verbatims .who{color:#555;font-size:12px;margin-top:3px}
    footer{margin-top:36px;color:#555;font-size:12px;border-top:1px solid #ddd;padding-top:8px}
    @page{size:A4;margin:14mm}
    @media print{main{max-width:none;padding:0}section{margin-top:18px}h2{break-after:avoid;page-break-after:avoid}}
    """
}
