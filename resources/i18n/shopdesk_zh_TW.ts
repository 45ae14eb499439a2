<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>退款金額</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>訂單</translation>
    </message>
    <message>
        <source>买家</source>
        <translation>買家</translation>
    </message>
    <message>
        <source>宝贝</source>
        <translation>寶貝</translation>
    </message>
    <message>
        <source>快递</source>
        <translation>快遞</translation>
    </message>
    <message>
        <source>平台状态</source>
        <translation>平台狀態</translation>
    </message>
    <message>
        <source>平台截止时间</source>
        <translation>平台截止時間</translation>
    </message>
    <message>
        <source>买家说明</source>
        <translation>買家說明</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>編號</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>訂單號</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>申請時間</translation>
    </message>
    <message>
        <source>剩余时间</source>
        <translation>剩餘時間</translation>
    </message>
    <message>
        <source>……（前面的 %1 个字符已省略）
</source>
        <translation>……（前面的 %1 個字元已省略）
</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>数据文件</source>
        <translation>資料檔</translation>
    </message>
    <message>
        <source>数据文件大小</source>
        <translation>資料檔大小</translation>
    </message>
    <message>
        <source>%1（数据结构版本 %2）</source>
        <translation>%1（資料結構版本 %2）</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>SQLite 版本</source>
        <translation>SQLite 版本</translation>
    </message>
    <message>
        <source>Qt 版本</source>
        <translation>Qt 版本</translation>
    </message>
    <message>
        <source>Python 版本</source>
        <translation>Python 版本</translation>
    </message>
    <message>
        <source>系统</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>最近的崩溃记录：没有崩溃记录</source>
        <translation>最近的當機記錄：沒有當機記錄</translation>
    </message>
    <message>
        <source>最近的崩溃记录：%1</source>
        <translation>最近的當機記錄：%1</translation>
    </message>
    <message>
        <source>售后 #%1 %2</source>
        <translation>售後 #%1 %2</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>事項</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>對象</translation>
    </message>
    <message>
        <source>需处理方</source>
        <translation>需處理方</translation>
    </message>
    <message>
        <source>截止时间</source>
        <translation>截止時間</translation>
    </message>
    <message>
        <source>估算</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>正在计算平台时限…</source>
        <translation>正在計算平台時限…</translation>
    </message>
    <message>
        <source>载入平台规则文件…</source>
        <translation>載入平台規則檔…</translation>
    </message>
    <message>
        <source>提醒时间…</source>
        <translation>提醒時間…</translation>
    </message>
    <message>
        <source>关闭窗口时保留在托盘</source>
        <translation>關閉視窗時保留在系統匣</translation>
    </message>
    <message>
        <source>开机时启动 ShopDesk</source>
        <translation>開機時啟動 ShopDesk</translation>
    </message>
    <message>
        <source>载入平台规则文件</source>
        <translation>載入平台規則檔</translation>
    </message>
    <message>
        <source>规则文件 (*.toml)</source>
        <translation>規則檔 (*.toml)</translation>
    </message>
    <message>
        <source>无法载入规则文件</source>
        <translation>無法載入規則檔</translation>
    </message>
    <message>
        <source>规则已更新</source>
        <translation>規則已更新</translation>
    </message>
    <message>
        <source>%1 规则截至 %2，已重新计算所有进行中的售后单。</source>
        <translation>%1 規則截至 %2，已重新計算所有進行中的售後單。</translation>
    </message>
    <message>
        <source>提醒时间</source>
        <translation>提醒時間</translation>
    </message>
    <message>
        <source>到期前多少小时提醒（用逗号分隔）：</source>
        <translation>到期前多少小時提醒（用逗號分隔）：</translation>
    </message>
    <message>
        <source>请填写数字，例如 24, 4, 1</source>
        <translation>請填寫數字，例如 24, 4, 1</translation>
    </message>
    <message>
        <source>正在计算平台时限… %1/%2</source>
        <translation>正在計算平台時限… %1/%2</translation>
    </message>
    <message>
        <source>添加文件…</source>
        <translation>新增檔案…</translation>
    </message>
    <message>
        <source>粘贴截图（Ctrl+V）</source>
        <translation>貼上截圖（Ctrl+V）</translation>
    </message>
    <message>
        <source>导入聊天记录…</source>
        <translation>匯入聊天記錄…</translation>
    </message>
    <message>
        <source>移除</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>粘贴或拖入的文件按此类型添加（PDF、视频、文本自动识别）</source>
        <translation>貼上或拖入的檔案按此類型新增（PDF、影片、文字自動識別）</translation>
    </message>
    <message>
        <source>新证据类型</source>
        <translation>新證據類型</translation>
    </message>
    <message>
        <source>说明：这张证据证明什么</source>
        <translation>說明：這張證據證明什麼</translation>
    </message>
    <message>
        <source>勾选要放进证据包的聊天消息</source>
        <translation>勾選要放進證據包的聊天訊息</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>說明</translation>
    </message>
    <message>
        <source>遮盖买家电话和地址</source>
        <translation>遮蓋買家電話和地址</translation>
    </message>
    <message>
        <source>用于转交他人（如快递理赔）：图片和摘要中遮盖，证据包不附原始文件</source>
        <translation>用於轉交他人（如快遞理賠）：圖片和摘要中遮蓋，證據包不附原始檔案</translation>
    </message>
    <message>
        <source>打包为 zip</source>
        <translation>打包為 zip</translation>
    </message>
    <message>
        <source>申诉陈述</source>
        <translation>申訴陳述</translation>
    </message>
    <message>
        <source>生成证据包…</source>
        <translation>產生證據包…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>提交到</source>
        <translation>提交到</translation>
    </message>
    <message>
        <source>陈述</source>
        <translation>陳述</translation>
    </message>
    <message>
        <source>拖入照片、截图、PDF 或聊天记录，或按 Ctrl+V 粘贴截图</source>
        <translation>拖入照片、截圖、PDF 或聊天記錄，或按 Ctrl+V 貼上截圖</translation>
    </message>
    <message>
        <source>图片数</source>
        <translation>圖片數</translation>
    </message>
    <message>
        <source>字节</source>
        <translation>位元組</translation>
    </message>
    <message>
        <source>字</source>
        <translation>字</translation>
    </message>
    <message>
        <source>图片 %1 张 · 约 %2 KB · 陈述 %3 %4</source>
        <translation>圖片 %1 張 · 約 %2 KB · 陳述 %3 %4</translation>
    </message>
    <message>
        <source>超出：%1</source>
        <translation>超出：%1</translation>
    </message>
    <message>
        <source>“%1”可能是另一位买家或另一笔订单的聊天记录：</source>
        <translation>「%1」可能是另一位買家或另一筆訂單的聊天記錄：</translation>
    </message>
    <message>
        <source>放进证据包会让审核认为证据与本单无关。仍要添加到这个售后单吗？</source>
        <translation>放進證據包會讓審核認為證據與本單無關。仍要新增到這個售後單嗎？</translation>
    </message>
    <message>
        <source>聊天记录与售后单不符</source>
        <translation>聊天記錄與售後單不符</translation>
    </message>
    <message>
        <source>仍然添加</source>
        <translation>仍然新增</translation>
    </message>
    <message>
        <source>不添加</source>
        <translation>不新增</translation>
    </message>
    <message>
        <source>这个证据包缺少审核要求的证据：</source>
        <translation>這個證據包缺少審核要求的證據：</translation>
    </message>
    <message>
        <source>缺少必需证据，平台很可能不支持卖家。摘要中会注明未包含这些证据。仍要生成吗？</source>
        <translation>缺少必需證據，平台很可能不支持賣家。摘要中會註明未包含這些證據。仍要產生嗎？</translation>
    </message>
    <message>
        <source>缺少必需的证据</source>
        <translation>缺少必需的證據</translation>
    </message>
    <message>
        <source>仍然生成</source>
        <translation>仍然產生</translation>
    </message>
    <message>
        <source>先去补充</source>
        <translation>先去補充</translation>
    </message>
    <message>
        <source>宝贝明细</source>
        <translation>寶貝明細</translation>
    </message>
    <message>
        <source>退款/售后</source>
        <translation>退款/售後</translation>
    </message>
    <message>
        <source>买家昵称</source>
        <translation>買家暱稱</translation>
    </message>
    <message>
        <source>收货人</source>
        <translation>收貨人</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>聯絡電話</translation>
    </message>
    <message>
        <source>收货地址</source>
        <translation>收貨地址</translation>
    </message>
    <message>
        <source>实付金额（元）</source>
        <translation>實付金額（元）</translation>
    </message>
    <message>
        <source>付款时间</source>
        <translation>付款時間</translation>
    </message>
    <message>
        <source>发货时间</source>
        <translation>發貨時間</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>快遞公司</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>卖家备注</source>
        <translation>賣家備註</translation>
    </message>
    <message>
        <source>订单 %1</source>
        <translation>訂單 %1</translation>
    </message>
    <message>
        <source>修改发货信息…</source>
        <translation>修改發貨資訊…</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>標記發貨…</translation>
    </message>
    <message>
        <source>订单状态</source>
        <translation>訂單狀態</translation>
    </message>
    <message>
        <source>实付</source>
        <translation>實付</translation>
    </message>
    <message>
        <source>下单时间</source>
        <translation>下單時間</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>簽收時間</translation>
    </message>
    <message>
        <source>买家留言</source>
        <translation>買家留言</translation>
    </message>
    <message>
        <source>售后 #%1</source>
        <translation>售後 #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n 项已超时</source>
        <translation>
            <numerusform>%n 項已逾時</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项即将到期</source>
        <translation>
            <numerusform>%n 項即將到期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项时限即将到期</source>
        <translation>
            <numerusform>%n 項時限即將到期</numerusform>
        </translation>
    </message>
    <message>
        <source>售后单 #%1（订单 %2）</source>
        <translation>售後單 #%1（訂單 %2）</translation>
    </message>
    <message>
        <source>打开 ShopDesk</source>
        <translation>開啟 ShopDesk</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>%1 / %2 字节</source>
        <translation>%1 / %2 位元組</translation>
    </message>
    <message>
        <source>%1 / %2 字</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message numerus="yes">
        <source>%n 字</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message>
        <source>复制到剪贴板</source>
        <translation>複製到剪貼簿</translation>
    </message>
    <message>
        <source>推荐回复（最合适的在前）</source>
        <translation>推薦回覆（最合適的在前）</translation>
    </message>
    <message>
        <source>处理七步（本单已做到的打勾）</source>
        <translation>處理七步（本單已做到的打勾）</translation>
    </message>
    <message>
        <source>【我的】</source>
        <translation>【我的】</translation>
    </message>
    <message>
        <source>（用过 %1 次）</source>
        <translation>（用過 %1 次）</translation>
    </message>
    <message>
        <source>超出平台字数上限，请删减后再复制</source>
        <translation>超出平台字數上限，請刪減後再複製</translation>
    </message>
    <message>
        <source>已填写完整，可以复制</source>
        <translation>已填寫完整，可以複製</translation>
    </message>
    <message>
        <source>已复制回复（%1 字），可以粘贴给买家了</source>
        <translation>已複製回覆（%1 字），可以貼給買家了</translation>
    </message>
    <message>
        <source>订单…</source>
        <translation>訂單…</translation>
    </message>
    <message>
        <source>售后单…</source>
        <translation>售後單…</translation>
    </message>
    <message>
        <source>待办时限…</source>
        <translation>待辦時限…</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>手动</source>
        <translation>手動</translation>
    </message>
    <message>
        <source>恢复前</source>
        <translation>還原前</translation>
    </message>
    <message>
        <source>24 小时</source>
        <translation>24 小時</translation>
    </message>
    <message>
        <source>48 小时（平台默认）</source>
        <translation>48 小時（平台預設）</translation>
    </message>
    <message>
        <source>72 小时</source>
        <translation>72 小時</translation>
    </message>
    <message>
        <source>预售 7 天</source>
        <translation>預售 7 天</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>适用</source>
        <translation>適用</translation>
    </message>
    <message>
        <source>使用次数</source>
        <translation>使用次數</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> 张</source>
        <translation> 張</translation>
    </message>
    <message>
        <source>每张图片上限</source>
        <translation>每張圖片上限</translation>
    </message>
    <message>
        <source>图片张数上限</source>
        <translation>圖片張數上限</translation>
    </message>
    <message>
        <source>目的地</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>现在的限制</source>
        <translation>現在的限制</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>图片格式</source>
        <translation>圖片格式</translation>
    </message>
    <message>
        <source>陈述上限</source>
        <translation>陳述上限</translation>
    </message>
    <message>
        <source>生成证据包和“证据”页的预算都按这里保存的限制计算；平台页面上的要求变了，就在这里改。</source>
        <translation>產生證據包和「證據」頁的預算都按這裡儲存的限制計算；平台頁面上的要求變了，就在這裡改。</translation>
    </message>
    <message>
        <source>恢复默认</source>
        <translation>恢復預設</translation>
    </message>
    <message>
        <source>通用</source>
        <translation>通用</translation>
    </message>
    <message>
        <source>标题（千牛快捷短语的名称）</source>
        <translation>標題（千牛快捷短語的名稱）</translation>
    </message>
    <message>
        <source>回复内容；用 {buyer_nick} 这样的变量填入订单信息</source>
        <translation>回覆內容；用 {buyer_nick} 這樣的變數填入訂單資訊</translation>
    </message>
    <message>
        <source>插入变量…</source>
        <translation>插入變數…</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>复制为我的模板</source>
        <translation>複製為我的範本</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>儲存</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>匯入…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>适用类型（不选＝全部）</source>
        <translation>適用類型（不選＝全部）</translation>
    </message>
    <message>
        <source>适用阶段（不选＝全部）</source>
        <translation>適用階段（不選＝全部）</translation>
    </message>
    <message>
        <source>所有类型</source>
        <translation>所有類型</translation>
    </message>
    <message>
        <source>内置</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>我的</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>内置模板只读；要修改请先“复制为我的模板”。</source>
        <translation>內建範本唯讀；要修改請先「複製為我的範本」。</translation>
    </message>
    <message>
        <source>做到：</source>
        <translation>做到：</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>新模板</source>
        <translation>新範本</translation>
    </message>
    <message>
        <source>亲，您好！</source>
        <translation>親，您好！</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>导入模板</source>
        <translation>匯入範本</translation>
    </message>
    <message>
        <source>快捷短语 (*.csv *.json);;所有文件 (*)</source>
        <translation>快捷短語 (*.csv *.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>导出模板</source>
        <translation>匯出範本</translation>
    </message>
    <message>
        <source>已退款</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>这些售后单实际退给买家的钱（含退运费；不是申请的金额）</source>
        <translation>這些售後單實際退給買家的錢（含退運費；不是申請的金額）</translation>
    </message>
    <message>
        <source>补偿</source>
        <translation>補償</translation>
    </message>
    <message>
        <source>给买家的补偿（如补偿运费）</source>
        <translation>給買家的補償（如補償運費）</translation>
    </message>
    <message>
        <source>追回</source>
        <translation>追回</translation>
    </message>
    <message>
        <source>收回的钱：快递理赔、运费险赔付</source>
        <translation>收回的錢：快遞理賠、運費險賠付</translation>
    </message>
    <message>
        <source>净损失</source>
        <translation>淨損失</translation>
    </message>
    <message>
        <source>付出的钱（退款、补偿、补发成本）减去收回的钱</source>
        <translation>付出的錢（退款、補償、補發成本）減去收回的錢</translation>
    </message>
    <message>
        <source>{period}内申请的售后单（按申请时间算期间；其他店铺订单的售后不算）</source>
        <translation>{period}內申請的售後單（按申請時間算期間；其他店鋪訂單的售後不算）</translation>
    </message>
    <message>
        <source>较上期</source>
        <translation>較上期</translation>
    </message>
    <message>
        <source>售后单数比上一段同样长的期间多（+）或少（-）；括号里是每百件售后的变化</source>
        <translation>售後單數比上一段同樣長的期間多（+）或少（-）；括號裡是每百件售後的變化</translation>
    </message>
    <message>
        <source>主要原因</source>
        <translation>主要原因</translation>
    </message>
    <message>
        <source>这些售后单最多的原因（单数）</source>
        <translation>這些售後單最多的原因（單數）</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>商品标题</source>
        <translation>商品標題</translation>
    </message>
    <message>
        <source>商家编码</source>
        <translation>商家編碼</translation>
    </message>
    <message>
        <source>导出表里的商家编码；没有编码时用标题</source>
        <translation>導出表裡的商家編碼；沒有編碼時用標題</translation>
    </message>
    <message>
        <source>售出件数</source>
        <translation>售出件數</translation>
    </message>
    <message>
        <source>{period}内付款的订单里这个商品的购买数量（之后退款或关闭的也算，每个订单行算一次）</source>
        <translation>{period}內付款的訂單裡這個商品的購買數量（之後退款或關閉的也算，每個訂單行算一次）</translation>
    </message>
    <message>
        <source>售后单</source>
        <translation>售後單</translation>
    </message>
    <message>
        <source>；一单涉及几个商品就算在每个商品下</source>
        <translation>；一單涉及幾個商品就算在每個商品下</translation>
    </message>
    <message>
        <source>每百件售后</source>
        <translation>每百件售後</translation>
    </message>
    <message>
        <source>售后单数 ÷ 售出件数 × 100</source>
        <translation>售後單數 ÷ 售出件數 × 100</translation>
    </message>
    <message>
        <source>订单的快递公司</source>
        <translation>訂單的快遞公司</translation>
    </message>
    <message>
        <source>包裹数</source>
        <translation>包裹數</translation>
    </message>
    <message>
        <source>{period}内付款、由这家快递发出的订单数</source>
        <translation>{period}內付款、由這家快遞發出的訂單數</translation>
    </message>
    <message>
        <source>快递责任售后</source>
        <translation>快遞責任售後</translation>
    </message>
    <message>
        <source>；只算原因是快递（丢件、慢、错派、服务差）的</source>
        <translation>；只算原因是快遞（丟件、慢、錯派、服務差）的</translation>
    </message>
    <message>
        <source>每百个包裹</source>
        <translation>每百個包裹</translation>
    </message>
    <message>
        <source>快递责任售后 ÷ 包裹数 × 100</source>
        <translation>快遞責任售後 ÷ 包裹數 × 100</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>責任方</translation>
    </message>
    <message>
        <source>卖家判断的原因；没有判断时按平台给的退款原因</source>
        <translation>賣家判斷的原因；沒有判斷時按平台給的退款原因</translation>
    </message>
    <message>
        <source>占比</source>
        <translation>佔比</translation>
    </message>
    <message>
        <source>占这段时间全部售后单的比例</source>
        <translation>佔這段時間全部售後單的比例</translation>
    </message>
    <message>
        <source>所选期间</source>
        <translation>所選期間</translation>
    </message>
    <message>
        <source>平台介入的售后单的原因</source>
        <translation>平台介入的售後單的原因</translation>
    </message>
    <message>
        <source>平台介入</source>
        <translation>平台介入</translation>
    </message>
    <message>
        <source>{period}内申请、小二介入过的售后单</source>
        <translation>{period}內申請、小二介入過的售後單</translation>
    </message>
    <message>
        <source>胜</source>
        <translation>勝</translation>
    </message>
    <message>
        <source>平台判卖家胜</source>
        <translation>平台判賣家勝</translation>
    </message>
    <message>
        <source>负</source>
        <translation>負</translation>
    </message>
    <message>
        <source>平台判买家胜</source>
        <translation>平台判買家勝</translation>
    </message>
    <message>
        <source>分担</source>
        <translation>分擔</translation>
    </message>
    <message>
        <source>平台判双方分担</source>
        <translation>平台判雙方分擔</translation>
    </message>
    <message>
        <source>未判定</source>
        <translation>未判定</translation>
    </message>
    <message>
        <source>还没有记录处理结果</source>
        <translation>還沒有記錄處理結果</translation>
    </message>
    <message>
        <source>保住的钱</source>
        <translation>保住的錢</translation>
    </message>
    <message>
        <source>判卖家胜的售后单：买家申请的退款减去实际退款</source>
        <translation>判賣家勝的售後單：買家申請的退款減去實際退款</translation>
    </message>
    <message>
        <source>售后单编号（双击打开）</source>
        <translation>售後單編號（雙擊打開）</translation>
    </message>
    <message>
        <source>买家申请的时间</source>
        <translation>買家申請的時間</translation>
    </message>
    <message>
        <source>售后类型</source>
        <translation>售後類型</translation>
    </message>
    <message>
        <source>现在的状态</source>
        <translation>現在的狀態</translation>
    </message>
    <message>
        <source>付出的钱减去收回的钱</source>
        <translation>付出的錢減去收回的錢</translation>
    </message>
    <message>
        <source>每百件</source>
        <translation>每百件</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>共 %1 个售后单（双击打开）</source>
        <translation>共 %1 個售後單（雙擊打開）</translation>
    </message>
    <message>
        <source>本周</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>本月</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>最近 30 天</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>最近 90 天</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>自定義</translation>
    </message>
    <message>
        <source>统计期间（北京时间，含首尾两天）</source>
        <translation>統計期間（北京時間，含首尾兩天）</translation>
    </message>
    <message>
        <source>只看这个平台的订单和售后</source>
        <translation>只看這個平台的訂單和售後</translation>
    </message>
    <message>
        <source>只看这个店铺的订单和售后（其他店铺订单上的售后不算）</source>
        <translation>只看這個店鋪的訂單和售後（其他店鋪訂單上的售後不算）</translation>
    </message>
    <message>
        <source>产品改进单…</source>
        <translation>產品改進單…</translation>
    </message>
    <message>
        <source>为选中的商品写出产品改进单（xlsx 或 PDF）</source>
        <translation>為選中的商品寫出產品改進單（xlsx 或 PDF）</translation>
    </message>
    <message>
        <source>期间</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>至</source>
        <translation>至</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>店铺</source>
        <translation>店鋪</translation>
    </message>
    <message>
        <source>每周售后单数（柱）和每百件售后（线）</source>
        <translation>每週售後單數（柱）和每百件售後（線）</translation>
    </message>
    <message>
        <source>申诉</source>
        <translation>申訴</translation>
    </message>
    <message>
        <source>服务</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>全部平台</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>全部店铺</source>
        <translation>全部店鋪</translation>
    </message>
    <message>
        <source>%1：售后 %2 单，售出 %3 件，每百件 %4 单。双击任一行查看它的售后单。</source>
        <translation>%1：售後 %2 單，售出 %3 件，每百件 %4 單。雙擊任一行查看它的售後單。</translation>
    </message>
    <message>
        <source>产品预警：%1 最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5</source>
        <translation>產品預警：%1 最近 7 天每百件 %2 單（90 天 %3），%4 單，主要原因：%5</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>正在计算服务时间…</source>
        <translation>正在計算服務時間…</translation>
    </message>
    <message>
        <source>%1 的售后单（%2）</source>
        <translation>%1 的售後單（%2）</translation>
    </message>
    <message>
        <source>平台介入的售后单</source>
        <translation>平台介入的售後單</translation>
    </message>
    <message>
        <source>保存产品改进单</source>
        <translation>保存產品改進單</translation>
    </message>
    <message>
        <source>产品改进单-%1.pdf</source>
        <translation>產品改進單-%1.pdf</translation>
    </message>
    <message>
        <source>产品改进单</source>
        <translation>產品改進單</translation>
    </message>
    <message>
        <source>服务时间没有算出：%1</source>
        <translation>服務時間沒有算出：%1</translation>
    </message>
    <message>
        <source>服务时间没有算出（内部错误，已记入日志）。请稍后切换期间重试。</source>
        <translation>服務時間沒有算出（內部錯誤，已記入日誌）。請稍後切換期間重試。</translation>
    </message>
    <message>
        <source>期间内申请的售后单：%1</source>
        <translation>期間內申請的售後單：%1</translation>
    </message>
    <message>
        <source>首次回复（买家第一次发问到卖家第一次回应；时间线和导入的聊天）：中位数 %1，90% 在 %2 以内（%3 单有回复）</source>
        <translation>首次回覆（買家第一次發問到賣家第一次回應；時間線和導入的聊天）：中位數 %1，90% 在 %2 以內（%3 單有回覆）</translation>
    </message>
    <message>
        <source>分钟</source>
        <translation>分鐘</translation>
    </message>
    <message>
        <source>处理完结（申请到结束）：中位数 %1，90% 在 %2 以内（%3 单已结束）</source>
        <translation>處理完結（申請到結束）：中位數 %1，90% 在 %2 以內（%3 單已結束）</translation>
    </message>
    <message>
        <source>小时</source>
        <translation>小時</translation>
    </message>
    <message>
        <source>回复超时：%1 单中 %2 单的首次回复晚于店铺回复时限或至今未回复（%3）</source>
        <translation>回覆超時：%1 單中 %2 單的首次回覆晚於店鋪回覆時限或至今未回覆（%3）</translation>
    </message>
    <message>
        <source>产品预警&#x3000;%1：最近 7 天每百件 %2 单（90 天 %3），%4 单，主要原因：%5</source>
        <translation>產品預警&#x3000;%1：最近 7 天每百件 %2 單（90 天 %3），%4 單，主要原因：%5</translation>
    </message>
    <message>
        <source>最近 7 天的售后率（每百件售出）超过 90 天的两倍、且至少 5 单的商品。双击查看它的售后单。</source>
        <translation>最近 7 天的售後率（每百件售出）超過 90 天的兩倍、且至少 5 單的商品。雙擊查看它的售後單。</translation>
    </message>
    <message>
        <source>已损坏（内容与 SHA-256 不符）</source>
        <translation>已損壞（內容與 SHA-256 不符）</translation>
    </message>
    <message>
        <source>文件不见了</source>
        <translation>檔案不見了</translation>
    </message>
    <message>
        <source>无法读取</source>
        <translation>無法讀取</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>关于 ShopDesk</source>
        <translation>關於 ShopDesk</translation>
    </message>
    <message>
        <source>ShopDesk 售后工作台 %1</source>
        <translation>ShopDesk 售後工作台 %1</translation>
    </message>
    <message>
        <source>小店的售后工作台：订单、售后、平台时限、回复模板与举证材料。</source>
        <translation>小店的售後工作台：訂單、售後、平台時限、回覆範本與舉證材料。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>出现了意外错误，已记录到日志：
%1

%2</source>
        <translation>出現了意外錯誤，已記錄到日誌：
%1

%2</translation>
    </message>
    <message>
        <source>正在更新店铺数据（升级后只做一次），请稍候…</source>
        <translation>正在更新店鋪資料（升級後只做一次），請稍候…</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份 / 恢复</source>
        <translation>備份 / 還原</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>立即備份</translation>
    </message>
    <message>
        <source>恢复所选备份…</source>
        <translation>還原所選備份…</translation>
    </message>
    <message>
        <source>打开备份文件夹</source>
        <translation>開啟備份資料夾</translation>
    </message>
    <message>
        <source>每天自动备份一次（保留最近 7 天和 4 周）；手动备份一直保留。备份文件夹：%1</source>
        <translation>每天自動備份一次（保留最近 7 天和 4 週）；手動備份一直保留。備份資料夾：%1</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>正在備份…</translation>
    </message>
    <message>
        <source>已备份到 %1</source>
        <translation>已備份到 %1</translation>
    </message>
    <message>
        <source>用备份替换当前的店铺数据？

将被替换：%1
（现有订单 %2 个、售后单 %3 个）

备份：%4
备份时间：%5（%6备份）
（其中订单 %7 个、售后单 %8 个）

当前数据会先另存为一个“恢复前”备份，恢复后也可以再换回来。</source>
        <translation>用備份取代目前的店鋪資料？

將被取代：%1
（現有訂單 %2 個、售後單 %3 個）

備份：%4
備份時間：%5（%6備份）
（其中訂單 %7 個、售後單 %8 個）

目前資料會先另存為一個「還原前」備份，還原後也可以再換回來。</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>還原備份</translation>
    </message>
    <message>
        <source>正在恢复…</source>
        <translation>正在還原…</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>還原</translation>
    </message>
    <message>
        <source>已恢复。</source>
        <translation>已還原。</translation>
    </message>
    <message>
        <source>恢复前的数据已备份到 %1</source>
        <translation>還原前的資料已備份到 %1</translation>
    </message>
</context>
<context>
    <name>BreakdownTab</name>
    <message numerus="yes">
        <source>%1 %2（%n 单）</source>
        <translation>
            <numerusform>%1 %2（%n 單）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 单</source>
        <translation>
            <numerusform>%n 單</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseFactsPanel</name>
    <message>
        <source>退货验收</source>
        <translation>退貨驗收</translation>
    </message>
    <message>
        <source>售后原因</source>
        <translation>售後原因</translation>
    </message>
    <message>
        <source>随原因</source>
        <translation>隨原因</translation>
    </message>
    <message>
        <source>判断依据（选填），如：外包装完好</source>
        <translation>判斷依據（選填），如：外包裝完好</translation>
    </message>
    <message>
        <source>确定原因</source>
        <translation>確定原因</translation>
    </message>
    <message>
        <source>平台原因</source>
        <translation>平台原因</translation>
    </message>
    <message>
        <source>责任方</source>
        <translation>責任方</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>费用</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>方向</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>備註</translation>
    </message>
    <message>
        <source>付出</source>
        <translation>付出</translation>
    </message>
    <message>
        <source>收回</source>
        <translation>收回</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>金額（元）</translation>
    </message>
    <message>
        <source>备注，如：聊天里答应补偿 5 元运费</source>
        <translation>備註，如：聊天裡答應補償 5 元運費</translation>
    </message>
    <message>
        <source>记一笔</source>
        <translation>記一筆</translation>
    </message>
    <message>
        <source>处理结果</source>
        <translation>處理結果</translation>
    </message>
    <message>
        <source>记录结果</source>
        <translation>記錄結果</translation>
    </message>
    <message>
        <source>（平台没有给出原因）</source>
        <translation>（平台沒有給出原因）</translation>
    </message>
    <message>
        <source>待判断：</source>
        <translation>待判斷：</translation>
    </message>
    <message>
        <source>平台导出：退款成功</source>
        <translation>平台匯出：退款成功</translation>
    </message>
    <message>
        <source>已退款 %1 · 补偿 %2 · 收回 %3 · 净损失 %4</source>
        <translation>已退款 %1 · 補償 %2 · 收回 %3 · 淨損失 %4</translation>
    </message>
    <message>
        <source>收到退货后，在这里记录每件商品的情况。</source>
        <translation>收到退貨後，在這裡記錄每件商品的情況。</translation>
    </message>
    <message>
        <source>回库存</source>
        <translation>回庫存</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>次品</source>
        <translation>次品</translation>
    </message>
    <message>
        <source>记录验收</source>
        <translation>記錄驗收</translation>
    </message>
    <message>
        <source>已记录原因</source>
        <translation>已記錄原因</translation>
    </message>
    <message>
        <source>已记一笔</source>
        <translation>已記一筆</translation>
    </message>
    <message>
        <source>已记录验收。有次品：请在“证据”里添加次品照片。</source>
        <translation>已記錄驗收。有次品：請在「證據」裡添加次品照片。</translation>
    </message>
    <message>
        <source>已记录验收</source>
        <translation>已記錄驗收</translation>
    </message>
    <message>
        <source>请先选择处理结果</source>
        <translation>請先選擇處理結果</translation>
    </message>
    <message>
        <source>已记录结果</source>
        <translation>已記錄結果</translation>
    </message>
</context>
<context>
    <name>CaseOverview</name>
    <message>
        <source>时间线</source>
        <translation>時間線</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>概况</source>
        <translation>概況</translation>
    </message>
    <message>
        <source>售后单 #%1 · %2</source>
        <translation>售後單 #%1 · %2</translation>
    </message>
    <message>
        <source>原因与费用</source>
        <translation>原因與費用</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>證據</translation>
    </message>
    <message>
        <source>回复</source>
        <translation>回覆</translation>
    </message>
</context>
<context>
    <name>CaseTimeline</name>
    <message>
        <source>（已撤销）</source>
        <translation>（已撤銷）</translation>
    </message>
</context>
<context>
    <name>CheckResultDialog</name>
    <message>
        <source>检查数据</source>
        <translation>檢查資料</translation>
    </message>
    <message>
        <source>售后单</source>
        <translation>售後單</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>訂單號</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>（未使用）</source>
        <translation>（未使用）</translation>
    </message>
    <message>
        <source>（原文件名不详）</source>
        <translation>（原檔名不詳）</translation>
    </message>
    <message>
        <source>打开所选售后单</source>
        <translation>開啟所選售後單</translation>
    </message>
    <message>
        <source>复制报告</source>
        <translation>複製報告</translation>
    </message>
    <message>
        <source>✓ 店铺数据和全部证据文件都完好</source>
        <translation>✓ 店鋪資料和全部證據檔案都完好</translation>
    </message>
    <message>
        <source>⚠ 发现 %1 个问题</source>
        <translation>⚠ 發現 %1 個問題</translation>
    </message>
    <message>
        <source>店铺数据：已损坏（数据库完整性检查未通过）</source>
        <translation>店鋪資料：已損壞（資料庫完整性檢查未通過）</translation>
    </message>
    <message>
        <source>店铺数据：完好（数据库完整性检查通过）</source>
        <translation>店鋪資料：完好（資料庫完整性檢查通過）</translation>
    </message>
    <message>
        <source>数据之间的引用：%1 处指向不存在的数据</source>
        <translation>資料之間的參照：%1 處指向不存在的資料</translation>
    </message>
    <message>
        <source>证据文件：检查了 %1 个，%2 个有问题</source>
        <translation>證據檔案：檢查了 %1 個，%2 個有問題</translation>
    </message>
    <message>
        <source>受影响的售后单：%1</source>
        <translation>受影響的售後單：%1</translation>
    </message>
    <message>
        <source>修复证据文件：在售后单的“证据”里把原文件再添加一次，损坏的副本会被替换；双击一行打开它的售后单。</source>
        <translation>修復證據檔案：在售後單的「證據」裡把原檔案再加入一次，損壞的副本會被替換；按兩下一列開啟它的售後單。</translation>
    </message>
    <message>
        <source>店铺数据有损坏：请通过“文件 → 备份 / 恢复…”从最近的备份恢复（恢复前会先另存一份当前数据）。</source>
        <translation>店鋪資料有損壞：請透過「檔案 → 備份 / 還原…」從最近的備份還原（還原前會先另存一份目前的資料）。</translation>
    </message>
    <message>
        <source>没有发现任何问题，文件未做任何改动。</source>
        <translation>沒有發現任何問題，檔案未做任何改動。</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>已複製</translation>
    </message>
</context>
<context>
    <name>CheckRun</name>
    <message>
        <source>正在检查店铺数据和证据文件…</source>
        <translation>正在檢查店鋪資料和證據檔案…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>检查数据</source>
        <translation>檢查資料</translation>
    </message>
    <message>
        <source>正在检查证据文件 %1 / %2…</source>
        <translation>正在檢查證據檔案 %1 / %2…</translation>
    </message>
    <message>
        <source>检查已取消</source>
        <translation>檢查已取消</translation>
    </message>
</context>
<context>
    <name>DeadlineCard</name>
    <message>
        <source>平台</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>估算</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>详情</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>暂停：%1</source>
        <translation>暫停：%1</translation>
    </message>
    <message>
        <source>截止 %1 · 超时后：%2</source>
        <translation>截止 %1 · 逾時後：%2</translation>
    </message>
    <message>
        <source>收起</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>已暫停</translation>
    </message>
    <message>
        <source>无估计</source>
        <translation>無估計</translation>
    </message>
</context>
<context>
    <name>DeliveredDialog</name>
    <message>
        <source>买家签收</source>
        <translation>買家簽收</translation>
    </message>
    <message>
        <source>签收时间</source>
        <translation>簽收時間</translation>
    </message>
    <message>
        <source>按物流记录填写（北京时间）。七天无理由退货从签收次日算起，不再按交易成功估算。</source>
        <translation>按物流記錄填寫（北京時間）。七天無理由退貨從簽收次日算起，不再按交易成功估算。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <source>诊断信息</source>
        <translation>診斷資訊</translation>
    </message>
    <message>
        <source>请把下面的内容发给帮你排查问题的人（已包含最近的崩溃记录）。</source>
        <translation>請把下面的內容傳給幫你排查問題的人（已包含最近的當機記錄）。</translation>
    </message>
    <message>
        <source>请把下面的内容发给帮你排查问题的人。没有崩溃记录。</source>
        <translation>請把下面的內容傳給幫你排查問題的人。沒有當機記錄。</translation>
    </message>
    <message>
        <source>再次复制</source>
        <translation>再次複製</translation>
    </message>
    <message>
        <source>已复制到剪贴板，可直接粘贴到聊天窗口或邮件。</source>
        <translation>已複製到剪貼簿，可直接貼到聊天視窗或郵件。</translation>
    </message>
</context>
<context>
    <name>DueEmptyState</name>
    <message>
        <source>导入平台导出文件…</source>
        <translation>匯入平台匯出檔案…</translation>
    </message>
    <message>
        <source>新增订单…</source>
        <translation>新增訂單…</translation>
    </message>
    <message>
        <source>没有符合搜索的时限</source>
        <translation>沒有符合搜尋的時限</translation>
    </message>
    <message>
        <source>换个关键词，或清空搜索框。</source>
        <translation>換個關鍵字，或清空搜尋框。</translation>
    </message>
    <message>
        <source>还没有订单</source>
        <translation>還沒有訂單</translation>
    </message>
    <message>
        <source>从千牛/卖家中心导出订单报表和退款，导入后这里按先到期排好要做的事（Ctrl+I，也可以把文件拖到窗口上）；其他渠道的订单可以手动新增（Ctrl+N）。</source>
        <translation>從千牛/賣家中心匯出訂單報表和退款，匯入後這裡按先到期排好要做的事（Ctrl+I，也可以把檔案拖到視窗上）；其他通路的訂單可以手動新增（Ctrl+N）。</translation>
    </message>
    <message>
        <source>现在没有要你处理的时限</source>
        <translation>現在沒有要你處理的時限</translation>
    </message>
    <message>
        <source>未发货的订单和进行中的售后单会出现在这里。有新的售后，导入最新的退款导出，或在订单上新建售后单（Ctrl+Shift+N）。</source>
        <translation>未發貨的訂單和進行中的售後單會出現在這裡。有新的售後，匯入最新的退款匯出，或在訂單上新建售後單（Ctrl+Shift+N）。</translation>
    </message>
</context>
<context>
    <name>DueView</name>
    <message>
        <source>需要我处理的</source>
        <translation>需要我處理的</translation>
    </message>
    <message>
        <source>全部（含买家）</source>
        <translation>全部（含買家）</translation>
    </message>
    <message>
        <source>显示</source>
        <translation>顯示</translation>
    </message>
    <message>
        <source>规则截至：%1</source>
        <translation>規則截至：%1</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>待辦</translation>
    </message>
    <message>
        <source>进度</source>
        <translation>進度</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>%1 字节</source>
        <translation>%1 位元組</translation>
    </message>
    <message>
        <source>［图片/商品卡片］</source>
        <translation>［圖片/商品卡片］</translation>
    </message>
    <message>
        <source>必需</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>建议</source>
        <translation>建議</translation>
    </message>
    <message>
        <source>审核看重的证据：</source>
        <translation>審核看重的證據：</translation>
    </message>
    <message>
        <source>截图-%1.png</source>
        <translation>截圖-%1.png</translation>
    </message>
    <message>
        <source>粘贴的聊天记录.txt</source>
        <translation>貼上的聊天記錄.txt</translation>
    </message>
    <message>
        <source>选择证据文件</source>
        <translation>選擇證據檔案</translation>
    </message>
    <message>
        <source>证据 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.mp4 *.mov *.txt);;所有文件 (*)</source>
        <translation>證據 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.mp4 *.mov *.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>选择聊天记录文本</source>
        <translation>選擇聊天記錄文字檔</translation>
    </message>
    <message>
        <source>文本 (*.txt);;所有文件 (*)</source>
        <translation>文字 (*.txt);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>证据包保存到</source>
        <translation>證據包儲存到</translation>
    </message>
    <message>
        <source>正在生成证据包…</source>
        <translation>正在產生證據包…</translation>
    </message>
    <message>
        <source>放不下，未写入任何文件：</source>
        <translation>放不下，未寫入任何檔案：</translation>
    </message>
    <message>
        <source>证据包已生成：%1（%2 张上传图片）</source>
        <translation>證據包已產生：%1（%2 張上傳圖片）</translation>
    </message>
    <message>
        <source>生成证据包时出现意外错误，未留下任何文件。</source>
        <translation>生成證據包時出現意外錯誤，未留下任何檔案。</translation>
    </message>
    <message>
        <source>已取消，未留下任何文件</source>
        <translation>已取消，未留下任何檔案</translation>
    </message>
    <message>
        <source>无法添加证据：</source>
        <translation>無法新增證據：</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>导入平台导出文件</source>
        <translation>匯入平台匯出檔案</translation>
    </message>
    <message>
        <source>平台导出文件 (*.csv *.xlsx);;所有文件 (*)</source>
        <translation>平台匯出檔案 (*.csv *.xlsx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>匯入</translation>
    </message>
    <message>
        <source>上一次导入还在进行，请稍候。</source>
        <translation>上一次匯入還在進行，請稍候。</translation>
    </message>
    <message numerus="yes">
        <source>正在导入 %n 个文件…</source>
        <translation>
            <numerusform>正在匯入 %n 個檔案…</numerusform>
        </translation>
    </message>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>新平台的店铺</source>
        <translation>新平台的店鋪</translation>
    </message>
    <message>
        <source>第一次导入%1的文件：这些订单属于哪个店铺？（以后自动导入到这个店铺）</source>
        <translation>第一次匯入%1的檔案：這些訂單屬於哪個店鋪？（以後自動匯入到這個店鋪）</translation>
    </message>
    <message>
        <source>%1店铺</source>
        <translation>%1店鋪</translation>
    </message>
    <message>
        <source>导入时出现意外错误。</source>
        <translation>匯入時出現意外錯誤。</translation>
    </message>
    <message>
        <source>无法导入</source>
        <translation>無法匯入</translation>
    </message>
    <message>
        <source>没有导入任何文件的任何数据。</source>
        <translation>沒有匯入任何檔案的任何資料。</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>確定</translation>
    </message>
    <message>
        <source>导入已取消：没有导入任何数据。</source>
        <translation>匯入已取消：沒有匯入任何資料。</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>导入结果</source>
        <translation>匯入結果</translation>
    </message>
    <message>
        <source>跳过的行（%1）：可选中后按 Ctrl+C 复制</source>
        <translation>略過的行（%1）：可選取後按 Ctrl+C 複製</translation>
    </message>
    <message>
        <source>没有跳过的行。</source>
        <translation>沒有略過的行。</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>复制全部跳过的行</source>
        <translation>複製全部略過的行</translation>
    </message>
    <message>
        <source>%1（%2）：读取 %3 行，新增 %4，更新 %5，未变 %6，跳过 %7 行</source>
        <translation>%1（%2）：讀取 %3 行，新增 %4，更新 %5，未變 %6，略過 %7 行</translation>
    </message>
    <message>
        <source>，重复行已合并 %1 行</source>
        <translation>，重複行已合併 %1 行</translation>
    </message>
    <message>
        <source>%1 第 %2 行</source>
        <translation>%1 第 %2 行</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ShopDesk 售后工作台</source>
        <translation>ShopDesk 售後工作台</translation>
    </message>
    <message>
        <source>搜索订单号、买家、收货人、宝贝、运单号（Ctrl+F）</source>
        <translation>搜尋訂單號、買家、收貨人、寶貝、運單號（Ctrl+F）</translation>
    </message>
    <message>
        <source>选择一个订单或售后单查看详情</source>
        <translation>選擇一個訂單或售後單查看詳情</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>訂單</translation>
    </message>
    <message>
        <source>售后</source>
        <translation>售後</translation>
    </message>
    <message>
        <source>粘贴千牛退款详情…</source>
        <translation>貼上千牛退款詳情…</translation>
    </message>
    <message>
        <source>选择订单</source>
        <translation>選擇訂單</translation>
    </message>
    <message>
        <source>新建售后单…</source>
        <translation>新建售後單…</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>標記發貨…</translation>
    </message>
    <message>
        <source>判断原因</source>
        <translation>判斷原因</translation>
    </message>
    <message>
        <source>售后单 #%1 的原因：%2</source>
        <translation>售後單 #%1 的原因：%2</translation>
    </message>
    <message>
        <source>已新建售后单 #%1</source>
        <translation>已新建售後單 #%1</translation>
    </message>
    <message>
        <source>订单 %1 已记录签收</source>
        <translation>訂單 %1 已記錄簽收</translation>
    </message>
    <message>
        <source>订单 %1 已标记发货（%2 %3）</source>
        <translation>訂單 %1 已標記發貨（%2 %3）</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>打开店铺数据…</source>
        <translation>開啟店鋪資料…</translation>
    </message>
    <message>
        <source>检查数据…</source>
        <translation>檢查資料…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>結束</translation>
    </message>
    <message>
        <source>订单(&amp;O)</source>
        <translation>訂單(&amp;O)</translation>
    </message>
    <message>
        <source>新增订单…</source>
        <translation>新增訂單…</translation>
    </message>
    <message>
        <source>编辑所选订单…</source>
        <translation>編輯所選訂單…</translation>
    </message>
    <message>
        <source>为所选订单新建售后单…</source>
        <translation>為所選訂單新建售後單…</translation>
    </message>
    <message>
        <source>标记所选订单已发货…</source>
        <translation>標記所選訂單已發貨…</translation>
    </message>
    <message>
        <source>设置(&amp;S)</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <source>店铺设置…</source>
        <translation>店鋪設定…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>打开店铺数据</source>
        <translation>開啟店鋪資料</translation>
    </message>
    <message>
        <source>无法打开</source>
        <translation>無法開啟</translation>
    </message>
    <message>
        <source>下次启动 ShopDesk 时将打开：
%1</source>
        <translation>下次啟動 ShopDesk 時將開啟：
%1</translation>
    </message>
    <message>
        <source>编辑订单</source>
        <translation>編輯訂單</translation>
    </message>
    <message>
        <source>请先在订单列表中选择一个订单。</source>
        <translation>請先在訂單列表中選擇一個訂單。</translation>
    </message>
    <message>
        <source>订单 %1 · 售后 %2（进行中 %3）</source>
        <translation>訂單 %1 · 售後 %2（進行中 %3）</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>範本</translation>
    </message>
    <message>
        <source>分析</source>
        <translation>分析</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <source>新建售后单</source>
        <translation>新建售後單</translation>
    </message>
    <message>
        <source>买家填写的原因，如 不想要了、质量问题（可不填）</source>
        <translation>買家填寫的原因，如 不想要了、品質問題（可不填）</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>开始时间：买家申请、投诉或评价的时间（北京时间），平台时限从这时算起。</source>
        <translation>開始時間：買家申請、投訴或評價的時間（北京時間），平台時限從這時算起。</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>编辑订单</source>
        <translation>編輯訂單</translation>
    </message>
    <message>
        <source>新增订单</source>
        <translation>新增訂單</translation>
    </message>
    <message>
        <source>未发货留空</source>
        <translation>未發貨留空</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>狀態</translation>
    </message>
</context>
<context>
    <name>OrderPanel</name>
    <message>
        <source>新建售后单…</source>
        <translation>新建售後單…</translation>
    </message>
    <message>
        <source>为这个订单新建售后单（Ctrl+Shift+N）</source>
        <translation>為這個訂單新建售後單（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>标记发货…</source>
        <translation>標記發貨…</translation>
    </message>
    <message>
        <source>买家签收…</source>
        <translation>買家簽收…</translation>
    </message>
    <message>
        <source>记录签收时间：七天无理由退货从签收次日算起</source>
        <translation>記錄簽收時間：七天無理由退貨從簽收次日算起</translation>
    </message>
    <message>
        <source>宝贝</source>
        <translation>寶貝</translation>
    </message>
    <message>
        <source>售后单（双击打开）</source>
        <translation>售後單（雙擊開啟）</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>售后单 #%1 已结束</source>
        <translation>售後單 #%1 已結束</translation>
    </message>
    <message>
        <source>以后再说</source>
        <translation>以後再說</translation>
    </message>
    <message>
        <source>这单售后是怎么结束的？记下结果，分析里才算得清。</source>
        <translation>這單售後是怎麼結束的？記下結果，分析裡才算得清。</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>（请选择）</source>
        <translation>（請選擇）</translation>
    </message>
    <message>
        <source>平台判定原文（可粘贴，选填）</source>
        <translation>平台判定原文（可貼上，選填）</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>判定</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>PasteCaseDialog</name>
    <message>
        <source>粘贴千牛退款详情</source>
        <translation>貼上千牛退款詳情</translation>
    </message>
    <message>
        <source>在千牛打开退款详情，全选（Ctrl+A）复制（Ctrl+C），粘贴到这里（Ctrl+V）</source>
        <translation>在千牛打開退款詳情，全選（Ctrl+A）複製（Ctrl+C），貼到這裡（Ctrl+V）</translation>
    </message>
    <message>
        <source>订单编号</source>
        <translation>訂單編號</translation>
    </message>
    <message>
        <source>退款编号</source>
        <translation>退款編號</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>申请时间</source>
        <translation>申請時間</translation>
    </message>
    <message>
        <source>退款金额</source>
        <translation>退款金額</translation>
    </message>
    <message>
        <source>退款原因</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <source>平台截止时间</source>
        <translation>平台截止時間</translation>
    </message>
    <message>
        <source>未用的行</source>
        <translation>未用的行</translation>
    </message>
    <message>
        <source>新建售后单</source>
        <translation>新建售後單</translation>
    </message>
    <message>
        <source>按订单状态判断</source>
        <translation>按訂單狀態判斷</translation>
    </message>
    <message>
        <source>（平台显示）</source>
        <translation>（平台顯示）</translation>
    </message>
    <message>
        <source>页面上没有倒计时：按规则估算</source>
        <translation>頁面上沒有倒數計時：按規則估算</translation>
    </message>
    <message numerus="yes">
        <source>%n 行</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>证据提交限制</source>
        <translation>證據提交限制</translation>
    </message>
    <message>
        <source>PDF 总大小上限</source>
        <translation>PDF 總大小上限</translation>
    </message>
    <message>
        <source>每张图片上限</source>
        <translation>每張圖片上限</translation>
    </message>
    <message>
        <source> 字节</source>
        <translation> 位元組</translation>
    </message>
    <message>
        <source> 字</source>
        <translation> 字</translation>
    </message>
    <message>
        <source>证据提交限制…</source>
        <translation>證據提交限制…</translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <source>……共 %n 项</source>
        <translation>
            <numerusform>……共 %n 項</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>ShopDesk 关闭期间有 %n 项时限已到</source>
        <translation>
            <numerusform>ShopDesk 關閉期間有 %n 項時限已到</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n 项时限即将到期</source>
        <translation>
            <numerusform>%n 項時限即將到期</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplyPanel</name>
    <message numerus="yes">
        <source>还有 %n 处待填：%1（填好后才能复制）</source>
        <translation>
            <numerusform>還有 %n 處待填：%1（填好後才能複製）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>标记发货</source>
        <translation>標記發貨</translation>
    </message>
    <message>
        <source>快递单上的运单号</source>
        <translation>快遞單上的運單號</translation>
    </message>
    <message>
        <source>快递公司</source>
        <translation>快遞公司</translation>
    </message>
    <message>
        <source>运单号</source>
        <translation>運單號</translation>
    </message>
    <message>
        <source>发货时间</source>
        <translation>發貨時間</translation>
    </message>
</context>
<context>
    <name>ShopDialog</name>
    <message>
        <source>店铺设置</source>
        <translation>店鋪設定</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> 分鐘</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>店鋪名稱</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>承诺发货时间</source>
        <translation>承諾發貨時間</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>退貨地址</translation>
    </message>
    <message>
        <source>客服签名</source>
        <translation>客服簽名</translation>
    </message>
    <message>
        <source>回复时限</source>
        <translation>回覆時限</translation>
    </message>
    <message>
        <source>客服在线时间</source>
        <translation>客服在線時間</translation>
    </message>
    <message>
        <source>店铺名称不能为空。</source>
        <translation>店鋪名稱不能為空。</translation>
    </message>
</context>
<context>
    <name>SkippedRowsModel</name>
    <message>
        <source>文件</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>行</source>
        <translation>行</translation>
    </message>
    <message>
        <source>列</source>
        <translation>欄</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>內容</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>取消</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TemplatesView</name>
    <message numerus="yes">
        <source>导入了 %n 个模板</source>
        <translation>
            <numerusform>匯入了 %n 個範本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>没有正在计时的平台时限</source>
        <translation>沒有正在計時的平台時限</translation>
    </message>
    <message>
        <source>录入平台时限</source>
        <translation>錄入平台時限</translation>
    </message>
    <message>
        <source>清除</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>备注（可选，随下一步一起记录）</source>
        <translation>備註（選填，隨下一步一起記錄）</translation>
    </message>
    <message>
        <source>撤销上一步</source>
        <translation>撤銷上一步</translation>
    </message>
    <message>
        <source>添加备注</source>
        <translation>新增備註</translation>
    </message>
    <message>
        <source>平台时限</source>
        <translation>平台時限</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>時間線</translation>
    </message>
    <message>
        <source>（待判断）</source>
        <translation>（待判斷）</translation>
    </message>
    <message>
        <source>未记录</source>
        <translation>未記錄</translation>
    </message>
    <message>
        <source>原因：%1 · 已退款 %2 · 补偿 %3 · 收回 %4 · 净损失 %5 · 结果：%6</source>
        <translation>原因：%1 · 已退款 %2 · 補償 %3 · 收回 %4 · 淨損失 %5 · 結果：%6</translation>
    </message>
    <message>
        <source>%1显示的截止时间（北京时间），如 2026-11-29 10:00:00</source>
        <translation>%1顯示的截止時間（北京時間），如 2026-11-29 10:00:00</translation>
    </message>
    <message>
        <source>请先填写备注内容</source>
        <translation>請先填寫備註內容</translation>
    </message>
    <message>
        <source>看不懂这个时间，请按 2026-11-29 10:00:00 的格式填写</source>
        <translation>看不懂這個時間，請按 2026-11-29 10:00:00 的格式填寫</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>欢迎使用 ShopDesk</source>
        <translation>歡迎使用 ShopDesk</translation>
    </message>
    <message>
        <source>先告诉 ShopDesk 你的店铺：回复模板会用到店铺名称、退货地址和客服签名。都可以先跳过，以后在“设置 → 店铺设置”里填写。</source>
        <translation>先告訴 ShopDesk 你的店鋪：回覆範本會用到店鋪名稱、退貨地址和客服簽名。都可以先略過，以後在「設定 → 店鋪設定」裡填寫。</translation>
    </message>
    <message>
        <source>如 小满家居旗舰店</source>
        <translation>如 小滿家居旗艦店</translation>
    </message>
    <message>
        <source>收件人、电话、地址（买家退货寄到这里）</source>
        <translation>收件人、電話、地址（買家退貨寄到這裡）</translation>
    </message>
    <message>
        <source>如 小满家居 客服小满</source>
        <translation>如 小滿家居 客服小滿</translation>
    </message>
    <message>
        <source>店铺名称</source>
        <translation>店鋪名稱</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>退货地址</source>
        <translation>退貨地址</translation>
    </message>
    <message>
        <source>客服签名</source>
        <translation>客服簽名</translation>
    </message>
    <message>
        <source>保存并开始</source>
        <translation>儲存並開始</translation>
    </message>
    <message>
        <source>跳过，以后再填</source>
        <translation>略過，以後再填</translation>
    </message>
    <message>
        <source>然后从这里开始</source>
        <translation>然後從這裡開始</translation>
    </message>
    <message>
        <source>导入平台导出文件…</source>
        <translation>匯入平台匯出檔案…</translation>
    </message>
    <message>
        <source>千牛/卖家中心导出的订单报表、宝贝报表和退款导出（Ctrl+I，也可以拖到窗口上）</source>
        <translation>千牛/賣家中心匯出的訂單報表、寶貝報表和退款匯出（Ctrl+I，也可以拖到視窗上）</translation>
    </message>
    <message>
        <source>先看看演示店铺</source>
        <translation>先看看示範店鋪</translation>
    </message>
    <message>
        <source>在另一个窗口打开演示店铺，你的店铺数据不受影响</source>
        <translation>在另一個視窗開啟示範店鋪，你的店鋪資料不受影響</translation>
    </message>
    <message>
        <source>店铺名称：请填写，或点“跳过，以后再填”。</source>
        <translation>店鋪名稱：請填寫，或點「略過，以後再填」。</translation>
    </message>
    <message>
        <source>演示店铺正在另一个窗口中打开…</source>
        <translation>示範店鋪正在另一個視窗中開啟…</translation>
    </message>
    <message>
        <source>没能打开演示店铺，请在命令行运行 shopdesk --demo。</source>
        <translation>沒能開啟示範店鋪，請在命令列執行 shopdesk --demo。</translation>
    </message>
</context>
<context>
    <name>_OrderJobDialog</name>
    <message>
        <source>订单 %1 · %2</source>
        <translation>訂單 %1 · %2</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>关闭</source>
        <translation>關閉</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>打开数据文件夹</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>无法打开文件管理器。数据文件夹在：
%1</source>
        <translation>無法開啟檔案總管。資料夾在：
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

最近的備份：%1
還原方法：在命令列執行
shopdesk restore &quot;%1&quot; --db &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>关于 ShopDesk</source>
        <translation>關於 ShopDesk</translation>
    </message>
    <message>
        <source>诊断信息…</source>
        <translation>診斷資訊…</translation>
    </message>
    <message>
        <source>打开数据文件夹</source>
        <translation>開啟資料夾</translation>
    </message>
    <message>
        <source>导入平台导出文件…</source>
        <translation>匯入平台匯出檔案…</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>匯出</translation>
    </message>
    <message>
        <source>备份 / 恢复…</source>
        <translation>備份 / 還原…</translation>
    </message>
    <message numerus="yes">
        <source>已导出 %n 行到 %1</source>
        <translation>
            <numerusform>已匯出 %n 列到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>店铺数据已损坏</source>
        <translation>店鋪資料已損壞</translation>
    </message>
    <message>
        <source>检查发现店铺数据文件已损坏：
%1

文件未做任何改动。请通过“文件 → 备份 / 恢复…”从最近的备份恢复；恢复前会先另存一份当前数据。</source>
        <translation>檢查發現店鋪資料檔案已損壞：
%1

檔案未做任何改動。請透過「檔案 → 備份 / 還原…」從最近的備份還原；還原前會先另存一份目前的資料。</translation>
    </message>
    <message>
        <source>已自动备份店铺数据</source>
        <translation>已自動備份店鋪資料</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>店铺数据文件是只读的（只读磁盘或没有写入权限）：可以查看、导出和备份，修改不能保存。</source>
        <translation>店鋪資料檔是唯讀的（唯讀磁碟或沒有寫入權限）：可以檢視、匯出和備份，修改無法儲存。</translation>
    </message>
    <message>
        <source>店铺数据文件旁边的 -wal 文件不属于它（可能是复制备份时留下的），没有使用，已改名保留为：
%1

店铺数据没有受影响。</source>
        <translation>店鋪資料檔旁邊的 -wal 檔不屬於它（可能是複製備份時留下的），沒有使用，已改名保留為：
%1

店鋪資料沒有受影響。</translation>
    </message>
</context>
</TS>
