<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>宝贝</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>平台状态</source>
        <translation>Platform status</translation>
    </message>
    <message>
        <source>平台截止时间</source>
        <translation>Platform deadline</translation>
    </message>
    <message>
        <source>买家说明</source>
        <translation>Buyer&apos;s explanation</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>……（前面的 %1 个字符已省略）
</source>
        <translation>… (the first %1 characters left out)
</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>数据文件大小</source>
        <translation>Data file size</translation>
    </message>
    <message>
        <source>%1（数据结构版本 %2）</source>
        <translation>%1 (schema version %2)</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>SQLite 版本</source>
        <translation>SQLite version</translation>
    </message>
    <message>
        <source>Qt 版本</source>
        <translation>Qt version</translation>
    </message>
    <message>
        <source>Python 版本</source>
        <translation>Python version</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <source>最近的崩溃记录：没有崩溃记录</source>
        <translation>Latest crash log: no crash recorded</translation>
    </message>
    <message>
        <source>最近的崩溃记录：%1</source>
        <translation>Latest crash log: %1</translation>
    </message>
    <message>
        <source>售后 #%1 %2</source>
        <translation>Case #%1 %2</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>需处理方</source>
        <translation>Who acts</translation>
    </message>
    <message>
        <source>截止时间</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>估算</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>正在计算平台时限…</source>
        <translation>Computing platform deadlines…</translation>
    </message>
    <message>
        <source>载入平台规则文件…</source>
        <translation>Load platform rule file…</translation>
    </message>
    <message>
        <source>提醒时间…</source>
        <translation>Reminder times…</translation>
    </message>
    <message>
        <source>关闭窗口时保留在托盘</source>
        <translation>Keep in the tray when the window is closed</translation>
    </message>
    <message>
        <source>开机时启动 ShopDesk</source>
        <translation>Start ShopDesk with the system</translation>
    </message>
    <message>
        <source>载入平台规则文件</source>
        <translation>Load platform rule file</translation>
    </message>
    <message>
        <source>规则文件 (*.toml)</source>
        <translation>Rule files (*.toml)</translation>
    </message>
    <message>
        <source>无法载入规则文件</source>
        <translation>Cannot load the rule file</translation>
    </message>
    <message>
        <source>规则已更新</source>
        <translation>Rules updated</translation>
    </message>
    <message>
        <source>%1 规则截至 %2，已重新计算所有进行中的售后单。</source>
        <translation>%1 rules as of %2; every open case was recomputed.</translation>
    </message>
    <message>
        <source>提醒时间</source>
        <translation>Reminder times</translation>
    </message>
    <message>
        <source>到期前多少小时提醒（用逗号分隔）：</source>
        <translation>Remind how many hours before a deadline (comma-separated):</translation>
    </message>
    <message>
        <source>请填写数字，例如 24, 4, 1</source>
        <translation>Enter numbers, e.g. 24, 4, 1</translation>
    </message>
    <message>
        <source>正在计算平台时限… %1/%2</source>
        <translation>Computing platform deadlines… %1/%2</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>粘贴截图（Ctrl+V）</source>
        <translation>Paste screenshot (Ctrl+V)</translation>
    </message>
    <message>
        <source>导入聊天记录…</source>
        <translation>Import chat log…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>粘贴或拖入的文件按此类型添加（PDF、视频、文本自动识别）</source>
        <translation>Pasted or dropped files are added as this kind (PDF, video and text are recognised)</translation>
    </message>
    <message>
        <source>新证据类型</source>
        <translation>New evidence kind</translation>
    </message>
    <message>
        <source>说明：这张证据证明什么</source>
        <translation>Caption: what this evidence proves</translation>
    </message>
    <message>
        <source>勾选要放进证据包的聊天消息</source>
        <translation>Tick the chat messages to put in the package</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>遮盖买家电话和地址</source>
        <translation>Mask the buyer&apos;s phone and address</translation>
    </message>
    <message>
        <source>用于转交他人（如快递理赔）：图片和摘要中遮盖，证据包不附原始文件</source>
        <translation>For handing on (e.g. a courier claim): masked in the images and the summary; the package leaves out the original files</translation>
    </message>
    <message>
        <source>打包为 zip</source>
        <translation>Pack as zip</translation>
    </message>
    <message>
        <source>申诉陈述</source>
        <translation>Appeal statement</translation>
    </message>
    <message>
        <source>生成证据包…</source>
        <translation>Build package…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>提交到</source>
        <translation>Submit to</translation>
    </message>
    <message>
        <source>陈述</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>拖入照片、截图、PDF 或聊天记录，或按 Ctrl+V 粘贴截图</source>
        <translation>Drop photos, screenshots, PDFs or chat logs here, or press Ctrl+V to paste a screenshot</translation>
    </message>
    <message>
        <source>图片数</source>
        <translation>image count</translation>
    </message>
    <message>
        <source>字节</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>字</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>图片 %1 张 · 约 %2 KB · 陈述 %3 %4</source>
        <translation>Images %1 · about %2 KB · statement %3 %4</translation>
    </message>
    <message>
        <source>超出：%1</source>
        <translation>Over the limit: %1</translation>
    </message>
    <message>
        <source>“%1”可能是另一位买家或另一笔订单的聊天记录：</source>
        <translation>“%1” may be the chat of another buyer or another order:</translation>
    </message>
    <message>
        <source>放进证据包会让审核认为证据与本单无关。仍要添加到这个售后单吗？</source>
        <translation>In a package, a reviewer would take it as evidence unrelated to this order. Add it to this case anyway?</translation>
    </message>
    <message>
        <source>聊天记录与售后单不符</source>
        <translation>Chat log does not match the case</translation>
    </message>
    <message>
        <source>仍然添加</source>
        <translation>Add anyway</translation>
    </message>
    <message>
        <source>不添加</source>
        <translation>Don&apos;t add</translation>
    </message>
    <message>
        <source>这个证据包缺少审核要求的证据：</source>
        <translation>This package lacks evidence reviewers require:</translation>
    </message>
    <message>
        <source>缺少必需证据，平台很可能不支持卖家。摘要中会注明未包含这些证据。仍要生成吗？</source>
        <translation>Without required evidence the platform will likely not side with the seller. The summary will say these are not included. Build anyway?</translation>
    </message>
    <message>
        <source>缺少必需的证据</source>
        <translation>Required evidence missing</translation>
    </message>
    <message>
        <source>仍然生成</source>
        <translation>Build anyway</translation>
    </message>
    <message>
        <source>先去补充</source>
        <translation>Add evidence first</translation>
    </message>
    <message>
        <source>宝贝明细</source>
        <translation>Order items</translation>
    </message>
    <message>
        <source>退款/售后</source>
        <translation>Refunds / cases</translation>
    </message>
    <message>
        <source>买家昵称</source>
        <translation>Buyer nick</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>收货地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>实付金额（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>发货时间</source>
        <translation>Shipped</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>卖家备注</source>
        <translation>Seller&apos;s note</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>修改发货信息…</source>
        <translation>Change shipping details…</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>Mark shipped…</translation>
    </message>
    <message>
        <source>订单状态</source>
        <translation>Order status</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>Ordered</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>Signed for at</translation>
    </message>
    <message>
        <source>买家留言</source>
        <translation>Buyer&apos;s message</translation>
    </message>
    <message>
        <source>售后 #%1</source>
        <translation>Case #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n 项已超时</source>
        <translation>
            <numerusform>%n deadline overdue</numerusform>
            <numerusform>%n deadlines overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项即将到期</source>
        <translation>
            <numerusform>%n coming up</numerusform>
            <numerusform>%n coming up</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项时限即将到期</source>
        <translation>
            <numerusform>%n deadline coming up</numerusform>
            <numerusform>%n deadlines coming up</numerusform>
        </translation>
    </message>
    <message>
        <source>售后单 #%1（订单 %2）</source>
        <translation>Case #%1 (order %2)</translation>
    </message>
    <message>
        <source>打开 ShopDesk</source>
        <translation>Open ShopDesk</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>%1 / %2 字节</source>
        <translation>%1 / %2 bytes</translation>
    </message>
    <message>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message numerus="yes">
        <source>%n 字</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>复制到剪贴板</source>
        <translation>Copy to clipboard</translation>
    </message>
    <message>
        <source>推荐回复（最合适的在前）</source>
        <translation>Suggested replies (best first)</translation>
    </message>
    <message>
        <source>处理七步（本单已做到的打勾）</source>
        <translation>The seven steps (ticked: done on this case)</translation>
    </message>
    <message>
        <source>【我的】</source>
        <translation>[Mine] </translation>
    </message>
    <message>
        <source>（用过 %1 次）</source>
        <translation> (used %1×)</translation>
    </message>
    <message>
        <source>超出平台字数上限，请删减后再复制</source>
        <translation>Over the platform limit: shorten it before copying</translation>
    </message>
    <message>
        <source>已填写完整，可以复制</source>
        <translation>Complete: ready to copy</translation>
    </message>
    <message>
        <source>已复制回复（%1 字），可以粘贴给买家了</source>
        <translation>Reply copied (%1 characters): paste it to the buyer</translation>
    </message>
    <message>
        <source>订单…</source>
        <translation>Orders…</translation>
    </message>
    <message>
        <source>售后单…</source>
        <translation>Cases…</translation>
    </message>
    <message>
        <source>待办时限…</source>
        <translation>Due list…</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <source>24 小时</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>48 小时（平台默认）</source>
        <translation>48 hours (platform default)</translation>
    </message>
    <message>
        <source>72 小时</source>
        <translation>72 hours</translation>
    </message>
    <message>
        <source>预售 7 天</source>
        <translation>Presale, 7 days</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>适用</source>
        <translation>Fits</translation>
    </message>
    <message>
        <source>使用次数</source>
        <translation>Uses</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source> 张</source>
        <translation> image(s)</translation>
    </message>
    <message>
        <source>每张图片上限</source>
        <translation>Limit per image</translation>
    </message>
    <message>
        <source>图片张数上限</source>
        <translation>Most images</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>现在的限制</source>
        <translation>Limits now</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>图片格式</source>
        <translation>Image formats</translation>
    </message>
    <message>
        <source>陈述上限</source>
        <translation>Statement limit</translation>
    </message>
    <message>
        <source>生成证据包和“证据”页的预算都按这里保存的限制计算；平台页面上的要求变了，就在这里改。</source>
        <translation>Evidence packages and the budget on the Evidence tab count by the limits saved here; when the platform&apos;s page asks for something else, change them here.</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>Restore default</translation>
    </message>
    <message>
        <source>通用</source>
        <translation>Shared</translation>
    </message>
    <message>
        <source>标题（千牛快捷短语的名称）</source>
        <translation>Title (the quick phrase name in Qianniu)</translation>
    </message>
    <message>
        <source>回复内容；用 {buyer_nick} 这样的变量填入订单信息</source>
        <translation>Reply text; variables such as {buyer_nick} fill in the order facts</translation>
    </message>
    <message>
        <source>插入变量…</source>
        <translation>Insert variable…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>复制为我的模板</source>
        <translation>Copy as my template</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>适用类型（不选＝全部）</source>
        <translation>Fits case types (none = all)</translation>
    </message>
    <message>
        <source>适用阶段（不选＝全部）</source>
        <translation>Fits stages (none = all)</translation>
    </message>
    <message>
        <source>所有类型</source>
        <translation>All case types</translation>
    </message>
    <message>
        <source>内置</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>内置模板只读；要修改请先“复制为我的模板”。</source>
        <translation>Built-in templates are read-only; use “Copy as my template” to change one.</translation>
    </message>
    <message>
        <source>做到：</source>
        <translation>Covers: </translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>新模板</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>亲，您好！</source>
        <translation>Hello!</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>导入模板</source>
        <translation>Import templates</translation>
    </message>
    <message>
        <source>快捷短语 (*.csv *.json);;所有文件 (*)</source>
        <translation>Quick phrases (*.csv *.json);;All files (*)</translation>
    </message>
    <message>
        <source>导出模板</source>
        <translation>Export templates</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>这些售后单实际退给买家的钱（含退运费；不是申请的金额）</source>
        <translation>Money actually refunded to buyers in these cases (postage included; not the amounts asked for)</translation>
    </message>
    <message>
        <source>补偿</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>给买家的补偿（如补偿运费）</source>
        <translation>Compensation paid to the buyer (e.g. postage)</translation>
    </message>
    <message>
        <source>追回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>收回的钱：快递理赔、运费险赔付</source>
        <translation>Money recovered: courier claims, shipping insurance</translation>
    </message>
    <message>
        <source>净损失</source>
        <translation>Net cost</translation>
    </message>
    <message>
        <source>付出的钱（退款、补偿、补发成本）减去收回的钱</source>
        <translation>Money paid out (refunds, compensation, reshipments) minus money recovered</translation>
    </message>
    <message>
        <source>{period}内申请的售后单（按申请时间算期间；其他店铺订单的售后不算）</source>
        <translation>Cases opened in {period} (by the day they were opened; cases on another shop&apos;s orders are not counted)</translation>
    </message>
    <message>
        <source>较上期</source>
        <translation>vs previous</translation>
    </message>
    <message>
        <source>售后单数比上一段同样长的期间多（+）或少（-）；括号里是每百件售后的变化</source>
        <translation>Cases more (+) or fewer (-) than in the previous period of the same length; in brackets the change of cases per 100 units</translation>
    </message>
    <message>
        <source>主要原因</source>
        <translation>Leading causes</translation>
    </message>
    <message>
        <source>这些售后单最多的原因（单数）</source>
        <translation>The most frequent causes of these cases (count)</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>商品标题</source>
        <translation>Product title</translation>
    </message>
    <message>
        <source>商家编码</source>
        <translation>Merchant code</translation>
    </message>
    <message>
        <source>导出表里的商家编码；没有编码时用标题</source>
        <translation>The merchant code of the export; the title where there is none</translation>
    </message>
    <message>
        <source>售出件数</source>
        <translation>Units sold</translation>
    </message>
    <message>
        <source>{period}内付款的订单里这个商品的购买数量（之后退款或关闭的也算，每个订单行算一次）</source>
        <translation>Quantity of this product in orders paid in {period} (refunded or closed later included; each order line once)</translation>
    </message>
    <message>
        <source>售后单</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>；一单涉及几个商品就算在每个商品下</source>
        <translation>; a case counts under every product it concerns</translation>
    </message>
    <message>
        <source>每百件售后</source>
        <translation>Per 100 units</translation>
    </message>
    <message>
        <source>售后单数 ÷ 售出件数 × 100</source>
        <translation>Cases ÷ units sold × 100</translation>
    </message>
    <message>
        <source>订单的快递公司</source>
        <translation>The order&apos;s courier</translation>
    </message>
    <message>
        <source>包裹数</source>
        <translation>Parcels</translation>
    </message>
    <message>
        <source>{period}内付款、由这家快递发出的订单数</source>
        <translation>Orders paid in {period} and shipped with this courier</translation>
    </message>
    <message>
        <source>快递责任售后</source>
        <translation>Courier&apos;s cases</translation>
    </message>
    <message>
        <source>；只算原因是快递（丢件、慢、错派、服务差）的</source>
        <translation>; only cases the courier caused (lost, slow, misrouted, poor service)</translation>
    </message>
    <message>
        <source>每百个包裹</source>
        <translation>Per 100 parcels</translation>
    </message>
    <message>
        <source>快递责任售后 ÷ 包裹数 × 100</source>
        <translation>Courier&apos;s cases ÷ parcels × 100</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>卖家判断的原因；没有判断时按平台给的退款原因</source>
        <translation>The cause the seller judged; else the one the platform&apos;s refund reason gives</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>占这段时间全部售后单的比例</source>
        <translation>Share of all cases of the period</translation>
    </message>
    <message>
        <source>所选期间</source>
        <translation>the chosen period</translation>
    </message>
    <message>
        <source>平台介入的售后单的原因</source>
        <translation>Cause of the cases the platform intervened in</translation>
    </message>
    <message>
        <source>平台介入</source>
        <translation>Platform intervened</translation>
    </message>
    <message>
        <source>{period}内申请、小二介入过的售后单</source>
        <translation>Cases opened in {period} in which the platform intervened</translation>
    </message>
    <message>
        <source>胜</source>
        <translation>Won</translation>
    </message>
    <message>
        <source>平台判卖家胜</source>
        <translation>Ruled for the seller</translation>
    </message>
    <message>
        <source>负</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>平台判买家胜</source>
        <translation>Ruled for the buyer</translation>
    </message>
    <message>
        <source>分担</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>平台判双方分担</source>
        <translation>Ruled split</translation>
    </message>
    <message>
        <source>未判定</source>
        <translation>Not ruled</translation>
    </message>
    <message>
        <source>还没有记录处理结果</source>
        <translation>No outcome recorded yet</translation>
    </message>
    <message>
        <source>保住的钱</source>
        <translation>Money kept</translation>
    </message>
    <message>
        <source>判卖家胜的售后单：买家申请的退款减去实际退款</source>
        <translation>Cases ruled for the seller: refund asked for minus refund paid</translation>
    </message>
    <message>
        <source>售后单编号（双击打开）</source>
        <translation>Case number (double-click to open)</translation>
    </message>
    <message>
        <source>买家申请的时间</source>
        <translation>When the buyer opened it</translation>
    </message>
    <message>
        <source>售后类型</source>
        <translation>Kind of case</translation>
    </message>
    <message>
        <source>现在的状态</source>
        <translation>Current state</translation>
    </message>
    <message>
        <source>付出的钱减去收回的钱</source>
        <translation>Money paid out minus money recovered</translation>
    </message>
    <message>
        <source>每百件</source>
        <translation>Per 100 units</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 %1 个售后单（双击打开）</source>
        <translation>%1 cases (double-click to open)</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>最近 30 天</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>最近 90 天</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>统计期间（北京时间，含首尾两天）</source>
        <translation>Period (China time, both days included)</translation>
    </message>
    <message>
        <source>只看这个平台的订单和售后</source>
        <translation>Only orders and cases of this platform</translation>
    </message>
    <message>
        <source>只看这个店铺的订单和售后（其他店铺订单上的售后不算）</source>
        <translation>Only orders and cases of this shop (cases on other shops&apos; orders are not counted)</translation>
    </message>
    <message>
        <source>产品改进单…</source>
        <translation>Improvement sheet…</translation>
    </message>
    <message>
        <source>为选中的商品写出产品改进单（xlsx 或 PDF）</source>
        <translation>Write the product improvement sheet of the selected product (xlsx or PDF)</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>Shop</translation>
    </message>
    <message>
        <source>每周售后单数（柱）和每百件售后（线）</source>
        <translation>Cases per week (bars) and cases per 100 units (line)</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>Appeals</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>全部平台</source>
        <translation>All platforms</translation>
    </message>
    <message>
        <source>全部店铺</source>
        <translation>All shops</translation>
    </message>
    <message>
        <source>%1：售后 %2 单，售出 %3 件，每百件 %4 单。双击任一行查看它的售后单。</source>
        <translation>%1: %2 cases, %3 units sold, %4 cases per 100 units. Double-click a row to see its cases.</translation>
    </message>
    <message>
        <source>产品预警：%1 最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5</source>
        <translation>Product alert: %1 had %2 cases per 100 units in the last 7 days (90 days: %3), %4 cases, mostly: %5</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>Insights</translation>
    </message>
    <message>
        <source>正在计算服务时间…</source>
        <translation>Working out service times…</translation>
    </message>
    <message>
        <source>%1 的售后单（%2）</source>
        <translation>Cases of %1 (%2)</translation>
    </message>
    <message>
        <source>平台介入的售后单</source>
        <translation>Cases the platform intervened in</translation>
    </message>
    <message>
        <source>保存产品改进单</source>
        <translation>Save the product improvement sheet</translation>
    </message>
    <message>
        <source>产品改进单-%1.pdf</source>
        <translation>product-improvement-%1.pdf</translation>
    </message>
    <message>
        <source>产品改进单</source>
        <translation>Product improvement sheet</translation>
    </message>
    <message>
        <source>服务时间没有算出：%1</source>
        <translation>Service times could not be worked out: %1</translation>
    </message>
    <message>
        <source>服务时间没有算出（内部错误，已记入日志）。请稍后切换期间重试。</source>
        <translation>Service times could not be worked out (an internal error, written to the log). Switch the period to try again.</translation>
    </message>
    <message>
        <source>期间内申请的售后单：%1</source>
        <translation>Cases opened in the period: %1</translation>
    </message>
    <message>
        <source>首次回复（买家第一次发问到卖家第一次回应；时间线和导入的聊天）：中位数 %1，90% 在 %2 以内（%3 单有回复）</source>
        <translation>First reply (the buyer&apos;s first ask to the seller&apos;s first answer; timeline and imported chats): median %1, 90% within %2 (%3 cases answered)</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>min</translation>
    </message>
    <message>
        <source>处理完结（申请到结束）：中位数 %1，90% 在 %2 以内（%3 单已结束）</source>
        <translation>Resolution (opened to finished): median %1, 90% within %2 (%3 cases finished)</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>h</translation>
    </message>
    <message>
        <source>回复超时：%1 单中 %2 单的首次回复晚于店铺回复时限或至今未回复（%3）</source>
        <translation>Reply clock ran out: in %2 of %1 cases the first reply came after the shop&apos;s reply target or has not come (%3)</translation>
    </message>
    <message>
        <source>产品预警&#x3000;%1：最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5</source>
        <translation>Product alert&#x3000;%1: %2 cases per 100 units in the last 7 days (90 days: %3), %4 cases, mostly: %5</translation>
    </message>
    <message>
        <source>最近 7 天的售后率（每百件售出）超过 90 天的两倍、且至少 5 单的商品。双击查看它的售后单。</source>
        <translation>Products whose after-sales rate (per 100 units sold) over the last 7 days is more than twice their 90-day rate, with at least 5 cases. Double-click to see their cases.</translation>
    </message>
    <message>
        <source>已损坏（内容与 SHA-256 不符）</source>
        <translation>Damaged (content does not match its SHA-256)</translation>
    </message>
    <message>
        <source>文件不见了</source>
        <translation>File missing</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>Cannot be read</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 ShopDesk</source>
        <translation>About ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk 售后工作台 %1</source>
        <translation>ShopDesk after-sales desk %1</translation>
    </message>
    <message>
        <source>小店的售后工作台：订单、售后、平台时限、回复模板与举证材料。</source>
        <translation>The after-sales desk for small shops: orders, cases, platform deadlines, reply templates and evidence.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>出现了意外错误，已记录到日志：
%1

%2</source>
        <translation>An unexpected error occurred and was written to the log:
%1

%2</translation>
    </message>
    <message>
        <source>正在更新店铺数据（升级后只做一次），请稍候…</source>
        <translation>Updating your shop&apos;s data (once, after an upgrade). Please wait…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份 / 恢复</source>
        <translation>Backup / Restore</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>Open the backup folder</translation>
    </message>
    <message>
        <source>每天自动备份一次（保留最近 7 天和 4 周）；手动备份一直保留。备份文件夹：%1</source>
        <translation>Backed up automatically once a day (the last 7 days and 4 weeks are kept); manual backups are kept until you delete them. Backup folder: %1</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>Backed up to %1</translation>
    </message>
    <message>
        <source>用备份替换当前的店铺数据？

将被替换：%1
（现有订单 %2 个、售后单 %3 个）

备份：%4
备份时间：%5（%6备份）
（其中订单 %7 个、售后单 %8 个）

当前数据会先另存为一个“恢复前”备份，恢复后也可以再换回来。</source>
        <translation>Replace the shop&apos;s current data with a backup?

To be replaced: %1
(now %2 orders, %3 cases)

Backup: %4
Taken: %5 (%6 backup)
(holds %7 orders, %8 cases)

The current data is saved as a &quot;before restore&quot; backup first, so you can switch back.</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>已恢复。</source>
        <translation>Restored. </translation>
    </message>
    <message>
        <source>恢复前的数据已备份到 %1</source>
        <translation>The data from before the restore was backed up to %1</translation>
    </message>
</context>
<context>
    <name>BreakdownTab</name>
    <message numerus="yes">
        <source>%1 %2（%n 单）</source>
        <translation>
            <numerusform>%1 %2 (%n case)</numerusform>
            <numerusform>%1 %2 (%n cases)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 单</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseFactsPanel</name>
    <message>
        <source>退货验收</source>
        <translation>Return inspection</translation>
    </message>
    <message>
        <source>售后原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>随原因</source>
        <translation>As the cause says</translation>
    </message>
    <message>
        <source>判断依据（选填），如：外包装完好</source>
        <translation>Why (optional), e.g. outer packaging intact</translation>
    </message>
    <message>
        <source>确定原因</source>
        <translation>Set the cause</translation>
    </message>
    <message>
        <source>平台原因</source>
        <translation>Platform&apos;s reason</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>Money</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>付出</source>
        <translation>Paid out</translation>
    </message>
    <message>
        <source>收回</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>备注，如：聊天里答应补偿 5 元运费</source>
        <translation>Note, e.g. promised 5 yuan postage in the chat</translation>
    </message>
    <message>
        <source>记一笔</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>记录结果</source>
        <translation>Record the outcome</translation>
    </message>
    <message>
        <source>（平台没有给出原因）</source>
        <translation>(no reason from the platform)</translation>
    </message>
    <message>
        <source>待判断：</source>
        <translation>To judge: </translation>
    </message>
    <message>
        <source>平台导出：退款成功</source>
        <translation>From the export: refunded</translation>
    </message>
    <message>
        <source>已退款 %1 · 补偿 %2 · 收回 %3 · 净损失 %4</source>
        <translation>Refunded %1 · compensation %2 · recovered %3 · net cost %4</translation>
    </message>
    <message>
        <source>收到退货后，在这里记录每件商品的情况。</source>
        <translation>When the return arrives, record how each item came back here.</translation>
    </message>
    <message>
        <source>回库存</source>
        <translation>Back to stock</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>次品</source>
        <translation>Defective</translation>
    </message>
    <message>
        <source>记录验收</source>
        <translation>Record the inspection</translation>
    </message>
    <message>
        <source>已记录原因</source>
        <translation>Cause recorded</translation>
    </message>
    <message>
        <source>已记一笔</source>
        <translation>Entry recorded</translation>
    </message>
    <message>
        <source>已记录验收。有次品：请在“证据”里添加次品照片。</source>
        <translation>Inspection recorded. Some came back defective: add photos of them under Evidence.</translation>
    </message>
    <message>
        <source>已记录验收</source>
        <translation>Inspection recorded</translation>
    </message>
    <message>
        <source>请先选择处理结果</source>
        <translation>Choose an outcome first</translation>
    </message>
    <message>
        <source>已记录结果</source>
        <translation>Outcome recorded</translation>
    </message>
</context>
<context>
    <name>CaseOverview</name>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>概况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>售后单 #%1 · %2</source>
        <translation>Case #%1 · %2</translation>
    </message>
    <message>
        <source>原因与费用</source>
        <translation>Cause &amp; money</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>回复</source>
        <translation>Reply</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>（已撤销）</source>
        <translation> (undone)</translation>
    </message>
</context>
<context>
    <name>CheckResultDialog</name>
    <message>
        <source>检查数据</source>
        <translation>Check Data</translation>
    </message>
    <message>
        <source>售后单</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>（未使用）</source>
        <translation>(unused)</translation>
    </message>
    <message>
        <source>（原文件名不详）</source>
        <translation>(original name unknown)</translation>
    </message>
    <message>
        <source>打开所选售后单</source>
        <translation>Open selected case</translation>
    </message>
    <message>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <source>✓ 店铺数据和全部证据文件都完好</source>
        <translation>✓ The shop data and every evidence file are sound</translation>
    </message>
    <message>
        <source>⚠ 发现 %1 个问题</source>
        <translation>⚠ %1 problems found</translation>
    </message>
    <message>
        <source>店铺数据：已损坏（数据库完整性检查未通过）</source>
        <translation>Shop data: damaged (database integrity check failed)</translation>
    </message>
    <message>
        <source>店铺数据：完好（数据库完整性检查通过）</source>
        <translation>Shop data: sound (database integrity check passed)</translation>
    </message>
    <message>
        <source>数据之间的引用：%1 处指向不存在的数据</source>
        <translation>References: %1 point at data that does not exist</translation>
    </message>
    <message>
        <source>证据文件：检查了 %1 个，%2 个有问题</source>
        <translation>Evidence files: %1 checked, %2 with problems</translation>
    </message>
    <message>
        <source>受影响的售后单：%1</source>
        <translation>Cases affected: %1</translation>
    </message>
    <message>
        <source>修复证据文件：在售后单的“证据”里把原文件再添加一次，损坏的副本会被替换；双击一行打开它的售后单。</source>
        <translation>To repair an evidence file, add the original file again under the case&apos;s Evidence: the damaged copy is replaced. Double-click a row to open its case.</translation>
    </message>
    <message>
        <source>店铺数据有损坏：请通过“文件 → 备份 / 恢复…”从最近的备份恢复（恢复前会先另存一份当前数据）。</source>
        <translation>The shop data is damaged: restore the latest backup with File → Backup / Restore… (the current data is saved first).</translation>
    </message>
    <message>
        <source>没有发现任何问题，文件未做任何改动。</source>
        <translation>No problems found; nothing was changed.</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>CheckRun</name>
    <message>
        <source>正在检查店铺数据和证据文件…</source>
        <translation>Checking the shop data and evidence files…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>Check Data</translation>
    </message>
    <message>
        <source>正在检查证据文件 %1 / %2…</source>
        <translation>Checking evidence file %1 / %2…</translation>
    </message>
    <message>
        <source>检查已取消</source>
        <translation>Check cancelled</translation>
    </message>
</context>
<context>
    <name>DeadlineCard</name>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>估算</source>
        <translation>estimate</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>暂停：%1</source>
        <translation>Paused: %1</translation>
    </message>
    <message>
        <source>截止 %1 · 超时后：%2</source>
        <translation>Due %1 · then: %2</translation>
    </message>
    <message>
        <source>收起</source>
        <translation>Less</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>无估计</source>
        <translation>No estimate</translation>
    </message>
</context>
<context>
    <name>DeliveredDialog</name>
    <message>
        <source>买家签收</source>
        <translation>Signed for by the buyer</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>Signed for at</translation>
    </message>
    <message>
        <source>按物流记录填写（北京时间）。七天无理由退货从签收次日算起，不再按交易成功估算。</source>
        <translation>As the courier tracking shows (China time). The 7-day no-reason return counts from the next day instead of being estimated from the transaction success.</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>诊断信息</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>请把下面的内容发给帮你排查问题的人（已包含最近的崩溃记录）。</source>
        <translation>Send the text below to whoever helps you (the latest crash log is included).</translation>
    </message>
    <message>
        <source>请把下面的内容发给帮你排查问题的人。没有崩溃记录。</source>
        <translation>Send the text below to whoever helps you. No crash recorded.</translation>
    </message>
    <message>
        <source>再次复制</source>
        <translation>Copy again</translation>
    </message>
    <message>
        <source>已复制到剪贴板，可直接粘贴到聊天窗口或邮件。</source>
        <translation>Copied to the clipboard: paste it into a chat or an email.</translation>
    </message>
</context>
<context>
    <name>DueEmptyState</name>
    <message>
        <source>导入平台导出文件…</source>
        <translation>Import platform exports…</translation>
    </message>
    <message>
        <source>新增订单…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <source>没有符合搜索的时限</source>
        <translation>No deadline matches the search</translation>
    </message>
    <message>
        <source>换个关键词，或清空搜索框。</source>
        <translation>Try other words, or clear the search box.</translation>
    </message>
    <message>
        <source>还没有订单</source>
        <translation>No orders yet</translation>
    </message>
    <message>
        <source>从千牛/卖家中心导出订单报表和退款，导入后这里按先到期排好要做的事（Ctrl+I，也可以把文件拖到窗口上）；其他渠道的订单可以手动新增（Ctrl+N）。</source>
        <translation>Export the order report and refunds from Qianniu / the seller centre and import them: what to do shows here, soonest first (Ctrl+I, or drop the files on the window). Orders from other channels can be added by hand (Ctrl+N).</translation>
    </message>
    <message>
        <source>现在没有要你处理的时限</source>
        <translation>Nothing for you to do right now</translation>
    </message>
    <message>
        <source>未发货的订单和进行中的售后单会出现在这里。有新的售后，导入最新的退款导出，或在订单上新建售后单（Ctrl+Shift+N）。</source>
        <translation>Unshipped orders and open after-sales cases show here. For a new case, import the latest refund export, or open one on its order (Ctrl+Shift+N).</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <source>需要我处理的</source>
        <translation>Mine to act on</translation>
    </message>
    <message>
        <source>全部（含买家）</source>
        <translation>All (buyers&apos; too)</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>规则截至：%1</source>
        <translation>Rules as of: %1</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>%1 字节</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>［图片/商品卡片］</source>
        <translation>[image / product card]</translation>
    </message>
    <message>
        <source>必需</source>
        <translation>required</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>recommended</translation>
    </message>
    <message>
        <source>审核看重的证据：</source>
        <translation>Evidence reviewers look for:</translation>
    </message>
    <message>
        <source>截图-%1.png</source>
        <translation>screenshot-%1.png</translation>
    </message>
    <message>
        <source>粘贴的聊天记录.txt</source>
        <translation>pasted-chat.txt</translation>
    </message>
    <message>
        <source>选择证据文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <source>证据 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.mp4 *.mov *.txt);;所有文件 (*)</source>
        <translation>Evidence (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.mp4 *.mov *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>选择聊天记录文本</source>
        <translation>Choose a chat log text file</translation>
    </message>
    <message>
        <source>文本 (*.txt);;所有文件 (*)</source>
        <translation>Text (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>证据包保存到</source>
        <translation>Save the package in</translation>
    </message>
    <message>
        <source>正在生成证据包…</source>
        <translation>Building the evidence package…</translation>
    </message>
    <message>
        <source>放不下，未写入任何文件：</source>
        <translation>Does not fit; nothing was written:</translation>
    </message>
    <message>
        <source>证据包已生成：%1（%2 张上传图片）</source>
        <translation>Package built: %1 (%2 images to upload)</translation>
    </message>
    <message>
        <source>生成证据包时出现意外错误，未留下任何文件。</source>
        <translation>An unexpected error stopped the evidence package; no file was left behind.</translation>
    </message>
    <message>
        <source>已取消，未留下任何文件</source>
        <translation>Cancelled; nothing was left behind</translation>
    </message>
    <message>
        <source>无法添加证据：</source>
        <translation>Cannot add evidence: </translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>导入平台导出文件</source>
        <translation>Import platform exports</translation>
    </message>
    <message>
        <source>平台导出文件 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>Platform exports (*.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>上一次导入还在进行，请稍候。</source>
        <translation>The previous import is still running, please wait.</translation>
    </message>
    <message numerus="yes">
        <source>正在导入 %n 个文件…</source>
        <translation>
            <numerusform>Importing %n file…</numerusform>
            <numerusform>Importing %n files…</numerusform>
        </translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新平台的店铺</source>
        <translation>Shop for a new platform</translation>
    </message>
    <message>
        <source>第一次导入%1的文件：这些订单属于哪个店铺？（以后自动导入到这个店铺）</source>
        <translation>First %1 files: which shop do these orders belong to? (Later imports go to this shop.)</translation>
    </message>
    <message>
        <source>%1店铺</source>
        <translation>%1 shop</translation>
    </message>
    <message>
        <source>导入时出现意外错误。</source>
        <translation>An unexpected error stopped the import.</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <source>没有导入任何文件的任何数据。</source>
        <translation>Nothing was imported from any of the files.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>导入已取消：没有导入任何数据。</source>
        <translation>Import cancelled: nothing was imported.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>导入结果</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>跳过的行（%1）：可选中后按 Ctrl+C 复制</source>
        <translation>Skipped rows (%1): select and press Ctrl+C to copy</translation>
    </message>
    <message>
        <source>没有跳过的行。</source>
        <translation>No rows were skipped.</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>复制全部跳过的行</source>
        <translation>Copy all skipped rows</translation>
    </message>
    <message>
        <source>%1（%2）：读取 %3 行，新增 %4，更新 %5，未变 %6，跳过 %7 行</source>
        <translation>%1 (%2): read %3 rows, %4 added, %5 updated, %6 unchanged, %7 skipped</translation>
    </message>
    <message>
        <source>，重复行已合并 %1 行</source>
        <translation>, %1 repeated rows merged</translation>
    </message>
    <message>
        <source>%1 第 %2 行</source>
        <translation>%1, row %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk 售后工作台</source>
        <translation>ShopDesk after-sales desk</translation>
    </message>
    <message>
        <source>搜索订单号、买家、收货人、宝贝、运单号（Ctrl+F）</source>
        <translation>Search order no., buyer, receiver, items, tracking no. (Ctrl+F)</translation>
    </message>
    <message>
        <source>选择一个订单或售后单查看详情</source>
        <translation>Select an order or a case to see its details</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>粘贴千牛退款详情…</source>
        <translation>Paste a Qianniu refund page…</translation>
    </message>
    <message>
        <source>选择订单</source>
        <translation>Choose an order</translation>
    </message>
    <message>
        <source>新建售后单…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>Mark shipped…</translation>
    </message>
    <message>
        <source>判断原因</source>
        <translation>Judge the cause</translation>
    </message>
    <message>
        <source>售后单 #%1 的原因：%2</source>
        <translation>Case #%1: cause %2</translation>
    </message>
    <message>
        <source>已新建售后单 #%1</source>
        <translation>After-sales case #%1 created</translation>
    </message>
    <message>
        <source>订单 %1 已记录签收</source>
        <translation>Order %1: signed for</translation>
    </message>
    <message>
        <source>订单 %1 已标记发货（%2 %3）</source>
        <translation>Order %1 marked shipped (%2 %3)</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>打开店铺数据…</source>
        <translation>Open store…</translation>
    </message>
    <message>
        <source>检查数据…</source>
        <translation>Check Data…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>订单(&amp;O)</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>新增订单…</source>
        <translation>New order…</translation>
    </message>
    <message>
        <source>编辑所选订单…</source>
        <translation>Edit selected order…</translation>
    </message>
    <message>
        <source>为所选订单新建售后单…</source>
        <translation>New after-sales case for the selected order…</translation>
    </message>
    <message>
        <source>标记所选订单已发货…</source>
        <translation>Mark the selected order shipped…</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>店铺设置…</source>
        <translation>Shop settings…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>打开店铺数据</source>
        <translation>Open store</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>下次启动 ShopDesk 时将打开：
%1</source>
        <translation>ShopDesk will open this next time it starts:
%1</translation>
    </message>
    <message>
        <source>编辑订单</source>
        <translation>Edit order</translation>
    </message>
    <message>
        <source>请先在订单列表中选择一个订单。</source>
        <translation>Select an order in the order list first.</translation>
    </message>
    <message>
        <source>订单 %1 · 售后 %2（进行中 %3）</source>
        <translation>%1 orders · %2 cases (%3 open)</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>Insights</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>新建售后单</source>
        <translation>Open the case</translation>
    </message>
    <message>
        <source>买家填写的原因，如 不想要了、质量问题（可不填）</source>
        <translation>The buyer&apos;s reason, e.g. changed mind, quality problem (optional)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>开始时间：买家申请、投诉或评价的时间（北京时间），平台时限从这时算起。</source>
        <translation>Started: when the buyer applied, complained or rated (Beijing time); the platform&apos;s clocks count from then.</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>编辑订单</source>
        <translation>Edit order</translation>
    </message>
    <message>
        <source>新增订单</source>
        <translation>New order</translation>
    </message>
    <message>
        <source>未发货留空</source>
        <translation>Leave empty if not shipped</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <source>新建售后单…</source>
        <translation>New case…</translation>
    </message>
    <message>
        <source>为这个订单新建售后单（Ctrl+Shift+N）</source>
        <translation>New after-sales case for this order (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>Mark shipped…</translation>
    </message>
    <message>
        <source>买家签收…</source>
        <translation>Signed for…</translation>
    </message>
    <message>
        <source>记录签收时间：七天无理由退货从签收次日算起</source>
        <translation>Record when the buyer signed: the 7-day no-reason return counts from the next day</translation>
    </message>
    <message>
        <source>宝贝</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>售后单（双击打开）</source>
        <translation>Cases (double-click to open)</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>售后单 #%1 已结束</source>
        <translation>Case #%1 has ended</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>这单售后是怎么结束的？记下结果，分析里才算得清。</source>
        <translation>How did this case end? Record it so the insights add up.</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>平台判定原文（可粘贴，选填）</source>
        <translation>The platform&apos;s ruling (paste it, optional)</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>判定</source>
        <translation>Ruling</translation>
    </message>
</context>
<context>
    <name>PasteCaseDialog</name>
    <message>
        <source>粘贴千牛退款详情</source>
        <translation>Paste a Qianniu refund page</translation>
    </message>
    <message>
        <source>在千牛打开退款详情，全选（Ctrl+A）复制（Ctrl+C），粘贴到这里（Ctrl+V）</source>
        <translation>Open the refund in Qianniu, select all (Ctrl+A), copy (Ctrl+C) and paste it here (Ctrl+V)</translation>
    </message>
    <message>
        <source>订单编号</source>
        <translation>Order number</translation>
    </message>
    <message>
        <source>退款编号</source>
        <translation>Refund number</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>退款原因</source>
        <translation>Refund reason</translation>
    </message>
    <message>
        <source>平台截止时间</source>
        <translation>Platform deadline</translation>
    </message>
    <message>
        <source>未用的行</source>
        <translation>Lines not used</translation>
    </message>
    <message>
        <source>新建售后单</source>
        <translation>Open the case</translation>
    </message>
    <message>
        <source>按订单状态判断</source>
        <translation>From the order&apos;s status</translation>
    </message>
    <message>
        <source>（平台显示）</source>
        <translation> (as the platform shows)</translation>
    </message>
    <message>
        <source>页面上没有倒计时：按规则估算</source>
        <translation>No countdown on the page: estimated from the rules</translation>
    </message>
    <message numerus="yes">
        <source>%n 行</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>证据提交限制</source>
        <translation>Evidence upload limits</translation>
    </message>
    <message>
        <source>PDF 总大小上限</source>
        <translation>Limit of the whole PDF</translation>
    </message>
    <message>
        <source>每张图片上限</source>
        <translation>Limit per image</translation>
    </message>
    <message>
        <source> 字节</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>证据提交限制…</source>
        <translation>Evidence upload limits…</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <source>……共 %n 项</source>
        <translation>
            <numerusform>… %n in all</numerusform>
            <numerusform>… %n in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ShopDesk 关闭期间有 %n 项时限已到</source>
        <translation>
            <numerusform>%n deadline ran out while ShopDesk was closed</numerusform>
            <numerusform>%n deadlines ran out while ShopDesk was closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项时限即将到期</source>
        <translation>
            <numerusform>%n deadline coming up</numerusform>
            <numerusform>%n deadlines coming up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message numerus="yes">
        <source>还有 %n 处待填：%1（填好后才能复制）</source>
        <translation>
            <numerusform>%n gap left: %1 (fill it in to copy)</numerusform>
            <numerusform>%n gaps left: %1 (fill them in to copy)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>标记发货</source>
        <translation>Mark shipped</translation>
    </message>
    <message>
        <source>快递单上的运单号</source>
        <translation>The tracking number on the waybill</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>发货时间</source>
        <translation>Shipped</translation>
    </message>
</context>
<context>
    <name>ShopDialog</name>
    <message>
        <source>店铺设置</source>
        <translation>Shop settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>承诺发货时间</source>
        <translation>Promised shipping time</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>客服签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>回复时限</source>
        <translation>Reply within</translation>
    </message>
    <message>
        <source>客服在线时间</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>店铺名称不能为空。</source>
        <translation>The shop name cannot be empty.</translation>
    </message>
</context>
<context>
    <name>SkippedRowsModel</name>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TemplatesView</name>
    <message numerus="yes">
        <source>导入了 %n 个模板</source>
        <translation>
            <numerusform>Imported %n template</numerusform>
            <numerusform>Imported %n templates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>没有正在计时的平台时限</source>
        <translation>No platform clock is running</translation>
    </message>
    <message>
        <source>录入平台时限</source>
        <translation>Enter platform deadline</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>备注（可选，随下一步一起记录）</source>
        <translation>Note (optional, recorded with the next step)</translation>
    </message>
    <message>
        <source>撤销上一步</source>
        <translation>Undo last step</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>Add note</translation>
    </message>
    <message>
        <source>平台时限</source>
        <translation>Platform deadlines</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>（待判断）</source>
        <translation> (to judge)</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>原因：%1 · 已退款 %2 · 补偿 %3 · 收回 %4 · 净损失 %5 · 结果：%6</source>
        <translation>Cause: %1 · refunded %2 · compensation %3 · recovered %4 · net cost %5 · outcome: %6</translation>
    </message>
    <message>
        <source>%1显示的截止时间（北京时间），如 2026-11-29 10:00:00</source>
        <translation>Deadline shown in %1 (China time), e.g. 2026-11-29 10:00:00</translation>
    </message>
    <message>
        <source>请先填写备注内容</source>
        <translation>Write the note first</translation>
    </message>
    <message>
        <source>看不懂这个时间，请按 2026-11-29 10:00:00 的格式填写</source>
        <translation>Cannot read this time; write it as 2026-11-29 10:00:00</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>欢迎使用 ShopDesk</source>
        <translation>Welcome to ShopDesk</translation>
    </message>
    <message>
        <source>先告诉 ShopDesk 你的店铺：回复模板会用到店铺名称、退货地址和客服签名。都可以先跳过，以后在“设置 → 店铺设置”里填写。</source>
        <translation>First tell ShopDesk about your shop: reply templates use its name, return address and signature. You can skip this and fill it in later under Settings → Shop settings.</translation>
    </message>
    <message>
        <source>如 小满家居旗舰店</source>
        <translation>e.g. Xiaoman Home flagship store</translation>
    </message>
    <message>
        <source>收件人、电话、地址（买家退货寄到这里）</source>
        <translation>Name, phone, address (where buyers send returns)</translation>
    </message>
    <message>
        <source>如 小满家居 客服小满</source>
        <translation>e.g. Xiaoman Home, support: Xiaoman</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>客服签名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>保存并开始</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <source>跳过，以后再填</source>
        <translation>Skip for now</translation>
    </message>
    <message>
        <source>然后从这里开始</source>
        <translation>Then start here</translation>
    </message>
    <message>
        <source>导入平台导出文件…</source>
        <translation>Import platform exports…</translation>
    </message>
    <message>
        <source>千牛/卖家中心导出的订单报表、宝贝报表和退款导出（Ctrl+I，也可以拖到窗口上）</source>
        <translation>The order report, item report and refund export from Qianniu / the seller centre (Ctrl+I, or drop them on the window)</translation>
    </message>
    <message>
        <source>先看看演示店铺</source>
        <translation>Look at the demo shop</translation>
    </message>
    <message>
        <source>在另一个窗口打开演示店铺，你的店铺数据不受影响</source>
        <translation>Opens the demo shop in a window of its own; your shop&apos;s data stays as it is</translation>
    </message>
    <message>
        <source>店铺名称：请填写，或点“跳过，以后再填”。</source>
        <translation>Shop name: fill it in, or click &quot;Skip for now&quot;.</translation>
    </message>
    <message>
        <source>演示店铺正在另一个窗口中打开…</source>
        <translation>The demo shop is opening in another window…</translation>
    </message>
    <message>
        <source>没能打开演示店铺，请在命令行运行 shopdesk --demo。</source>
        <translation>Could not open the demo shop; run shopdesk --demo on the command line.</translation>
    </message>
</context>
<context>
    <name>_OrderJobDialog</name>
    <message>
        <source>订单 %1 · %2</source>
        <translation>Order %1 · %2</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>无法打开文件管理器。数据文件夹在：
%1</source>
        <translation>Could not open the file manager. The data folder is:
%1</translation>
    </message>
</context>
<context>
    <name>safety</name>
    <message>
        <source>

最近的备份：%1
恢复方法：在命令行运行
shopdesk restore &quot;%1&quot; --db &quot;%2&quot;</source>
        <translation>

Latest backup: %1
To restore it, run:
shopdesk restore &quot;%1&quot; --db &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>关于 ShopDesk</source>
        <translation>About ShopDesk</translation>
    </message>
    <message>
        <source>诊断信息…</source>
        <translation>Diagnostics…</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>导入平台导出文件…</source>
        <translation>Import platform exports…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>备份 / 恢复…</source>
        <translation>Backup / Restore…</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 行到 %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>店铺数据已损坏</source>
        <translation>The shop data is damaged</translation>
    </message>
    <message>
        <source>检查发现店铺数据文件已损坏：
%1

文件未做任何改动。请通过“文件 → 备份 / 恢复…”从最近的备份恢复；恢复前会先另存一份当前数据。</source>
        <translation>The check found the shop data file damaged:
%1

The file was not changed. Restore the latest backup with File → Backup / Restore…; the current data is saved as a backup first.</translation>
    </message>
    <message>
        <source>已自动备份店铺数据</source>
        <translation>The shop data was backed up automatically</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>店铺数据文件是只读的（只读磁盘或没有写入权限）：可以查看、导出和备份，修改不能保存。</source>
        <translation>The store file is read-only (a read-only disk or no write permission): you can view, export and back up; changes cannot be saved.</translation>
    </message>
    <message>
        <source>店铺数据文件旁边的 -wal 文件不属于它（可能是复制备份时留下的），没有使用，已改名保留为：
%1

店铺数据没有受影响。</source>
        <translation>The -wal file beside the store file does not belong to it (perhaps left over from copying a backup). It was not used and was kept under a new name:
%1

The store&apos;s data is not affected.</translation>
    </message>
</context>
</TS>
