<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActionForm</name>
    <message>
        <location filename="../../agent_app/ui/tickets/action_form.py" line="+92"/>
        <source>Reports needed: %1</source>
        <translation>需上传：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+14"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>AdvancedQueryDialog</name>
    <message>
        <location filename="../../agent_app/ui/tickets/advanced_query.py" line="+32"/>
        <source>Advanced search</source>
        <translation>高级查询</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+92"/>
        <location line="+6"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Overdue only</source>
        <translation>仅显示逾期工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ticket no.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ticket type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>发生地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>描述查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category level 1</source>
        <translation>服务分类1级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category level 2</source>
        <translation>服务分类2级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category level 3</source>
        <translation>服务分类3级</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area</source>
        <translation>管理区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched by</source>
        <translation>派单人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related ticket no.</source>
        <translation>关联单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outstanding issues</source>
        <translation>遗留事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WeChat hall ticket closed</source>
        <translation>结束微厅工单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device SN</source>
        <translation>设备SN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>CallRecordsDialog</name>
    <message>
        <location filename="../../agent_app/ui/calls/call_records_dialog.py" line="+47"/>
        <source>Call records</source>
        <translation>话务管理</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+3"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Call time</source>
        <translation>呼叫时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agent ID</source>
        <translation>客服工号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caller</source>
        <translation>主叫号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callee</source>
        <translation>被叫号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Call type</source>
        <translation>呼叫类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IVR trail</source>
        <translation>IVR轨迹</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Play recording</source>
        <translation>播放录音(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 个通话</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The recording %1 is not on this computer.</source>
        <translation>录音 %1 不在这台电脑上。</translation>
    </message>
</context>
<context>
    <name>CallRecordsModel</name>
    <message>
        <location filename="../../agent_app/ui/calls/model.py" line="+47"/>
        <source>Agent ID</source>
        <translation>客服工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>主叫号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callee</source>
        <translation>被叫号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IVR trail</source>
        <translation>IVR轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered</source>
        <translation>是否接通</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call type</source>
        <translation>呼叫类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording</source>
        <translation>录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hung up by</source>
        <translation>挂机类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call time</source>
        <translation>呼叫时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered at</source>
        <translation>应答时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended at</source>
        <translation>呼叫结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agent</source>
        <translation>坐席挂机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户挂机</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transferred</source>
        <translation>转接</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>CallSync</name>
    <message>
        <location filename="../../agent_app/ui/phone/call_sync.py" line="+199"/>
        <source>The phone could not save %1: %2</source>
        <translation>话务数据未能保存（%1）：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the hotline login</source>
        <translation>登入热线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the line&apos;s registration</source>
        <translation>线路注册状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the agent state</source>
        <translation>坐席状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the call record</source>
        <translation>通话记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the monitoring record</source>
        <translation>监听记录</translation>
    </message>
</context>
<context>
    <name>CategoryPicker</name>
    <message>
        <location filename="../../agent_app/ui/workbench/category_picker.py" line="+88"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
</context>
<context>
    <name>ClickToDial</name>
    <message>
        <location filename="../../agent_app/ui/phone/click_to_dial.py" line="+68"/>
        <source>Dial %1</source>
        <translation>拨打 %1</translation>
    </message>
</context>
<context>
    <name>ColumnChooser</name>
    <message>
        <location filename="../../agent_app/ui/tickets/column_chooser.py" line="+28"/>
        <source>Columns</source>
        <translation>列表自定义</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the columns to show; drag them or use the buttons to change their order.</source>
        <translation>勾选要显示的列；拖动或使用右侧按钮调整顺序。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defaults</source>
        <translation>恢复默认</translation>
    </message>
</context>
<context>
    <name>CustomerDetailDialog</name>
    <message>
        <location filename="../../agent_app/ui/workbench/dialogs.py" line="+118"/>
        <source>Customer details</source>
        <translation>客户详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>User no.</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>客户地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area</source>
        <translation>管理区域</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../agent_app/ui/workbench/customer_panel.py" line="+167"/>
        <source>Customer</source>
        <translation>客户信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IVR trail</source>
        <translation>语音导航轨迹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ch&amp;oose</source>
        <translation>选择客户(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User no.</source>
        <translation>用户编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer type</source>
        <translation>客户类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>客户地址</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area</source>
        <translation>管理区域</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Memo</source>
        <translation>备忘录(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M&amp;y to-dos</source>
        <translation>我的待办(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notices</source>
        <translation>通知公告(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer &amp;details</source>
        <translation>客户详情(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ne&amp;w customer</source>
        <translation>新建客户(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for a call.</source>
        <translation>等待来电。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking up the caller…</source>
        <translation>正在识别来电客户…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No customer has this number. Create one with New customer.</source>
        <translation>没有客户使用此号码。可点击【新建客户】建档。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several customers share this number: choose one above.</source>
        <translation>多个客户共用此号码，请在上方选择客户。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The caller&apos;s number is not a valid phone number.</source>
        <translation>来电号码不是有效的电话号码。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../agent_app/ui/error_text.py" line="+46"/>
        <source>The configuration is invalid: %1</source>
        <translation>配置文件有误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The operation failed because of an internal error. The details were written to the log.</source>
        <translation>操作因内部错误而失败，详细信息已写入日志。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
</context>
<context>
    <name>FileList</name>
    <message>
        <location filename="../../agent_app/ui/tickets/file_list.py" line="+32"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>报告类型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add file…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose files</source>
        <translation>选择文件</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../agent_app/ui/workbench/history_panel.py" line="+57"/>
        <source>Service history</source>
        <translation>服务历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No earlier tickets of this caller.</source>
        <translation>该来电没有历史工单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The history of the caller appears here.</source>
        <translation>来电客户的服务历史显示在这里。</translation>
    </message>
</context>
<context>
    <name>HomeAreaModel</name>
    <message>
        <location filename="../../agent_app/ui/home/area_model.py" line="+28"/>
        <source>Management area</source>
        <translation>管理区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Government referrals</source>
        <translation>政府转派数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets</source>
        <translation>工单总计数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished</source>
        <translation>未完成工单数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sales on time</source>
        <translation>售后处理及时率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints on time</source>
        <translation>投诉处理及时率</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../agent_app/ui/home/home_page.py" line="+118"/>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tickets by management area</source>
        <translation>按管理区域统计</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complaints</source>
        <translation>投诉数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Government referrals</source>
        <translation>政府转派数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unfinished tickets</source>
        <translation>未完成工单数量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After-sales handled on time</source>
        <translation>售后处理及时率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints handled on time</source>
        <translation>投诉处理及时率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls answered</source>
        <translation>接通率</translation>
    </message>
</context>
<context>
    <name>HotlineLoginDialog</name>
    <message>
        <location filename="../../agent_app/ui/phone/login_dialog.py" line="+12"/>
        <source>Log in to the hotline</source>
        <translation>登入热线</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log in</source>
        <translation>登入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>分机号</translation>
    </message>
</context>
<context>
    <name>KeypadDialog</name>
    <message>
        <location filename="../../agent_app/ui/phone/keypad.py" line="+20"/>
        <source>Send DTMF</source>
        <translation>发送按键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Call</source>
        <translation>呼叫</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agent_app/ui/main_window.py" line="+217"/>
        <source>About Agent Desk</source>
        <translation>关于客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Agent Desk&lt;/b&gt; %1&lt;br&gt;Customer service hotline for water and gas.</source>
        <translation>&lt;b&gt;客服坐席系统&lt;/b&gt; %1&lt;br&gt;水务、燃气客户服务热线。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Agent Desk</source>
        <translation>关于客服坐席系统(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pages are available for your account. Ask an administrator for access.</source>
        <translation>您的账号还没有可用的功能页面，请联系管理员开通权限。</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <location filename="../../agent_app/ui/workbench/dialogs.py" line="-93"/>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a note for yourself</source>
        <translation>记录备忘内容</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../agent_app/ui/workbench/new_customer_dialog.py" line="+27"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Name</source>
        <translation>客户名称(&amp;N)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Mobile</source>
        <translation>手机号码(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Landline</source>
        <translation>固定电话(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Address</source>
        <translation>客户地址(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Me&amp;ter no.</source>
        <translation>表号(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer &amp;type</source>
        <translation>客户类型(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;rea</source>
        <translation>管理区域(&amp;R)</translation>
    </message>
</context>
<context>
    <name>NoticesDialog</name>
    <message>
        <location filename="../../agent_app/ui/workbench/dialogs.py" line="+32"/>
        <source>Notices</source>
        <translation>通知公告</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There are no current notices.</source>
        <translation>目前没有通知公告。</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../../agent_app/ui/tickets/pager.py" line="+61"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 tickets, page %2 of %3</source>
        <translation>共 %1 条，第 %2/%3 页</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rows per page</source>
        <translation>每页条数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to page</source>
        <translation>跳转到第</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go</source>
        <translation>跳转</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../agent_app/ui/workbench/page.py" line="+19"/>
        <source>Agent workbench</source>
        <translation>坐席工作台</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/tickets/page.py" line="+19"/>
        <source>Tickets</source>
        <translation>工单管理</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/home/page.py" line="+16"/>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/supervisor/page.py" line="+19"/>
        <source>Seat board</source>
        <translation>坐席管理</translation>
    </message>
</context>
<context>
    <name>PhoneBar</name>
    <message>
        <location filename="../../agent_app/ui/phone/phone_bar.py" line="+119"/>
        <location line="+96"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+87"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+337"/>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location line="-335"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete transfer</source>
        <translation>完成转接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel transfer</source>
        <translation>取消转接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dial</source>
        <translation>拨号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keypad</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call records…</source>
        <translation>话务管理…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone and audio settings…</source>
        <translation>话机与音频设置…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+298"/>
        <source>Logged in %1</source>
        <translation>已登入 %1</translation>
    </message>
    <message>
        <location line="-297"/>
        <location line="+56"/>
        <source>After-call work %1</source>
        <translation>后处理 %1</translation>
    </message>
    <message>
        <location line="-54"/>
        <location line="+67"/>
        <source>Registration failed</source>
        <translation>注册失败</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Break</source>
        <translation>小休</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meal</source>
        <translation>就餐</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calling back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not ready: %1</source>
        <translation>示忙：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Logged out</source>
        <translation>未登入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registering…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已注册</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting…</source>
        <translation>正在重连…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not registered</source>
        <translation>未注册</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Phone: %1</source>
        <translation>话机：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transfer failed: %1</source>
        <translation>转接失败：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>next attempt at %1</source>
        <translation>%1 重试</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hotline login failed: %1</source>
        <translation>登入热线失败：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Log out</source>
        <translation>登出热线</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log in</source>
        <translation>登入热线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not logged in</source>
        <translation>未登入</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consulting %1</source>
        <translation>正在咨询 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>PhoneSettingsDialog</name>
    <message>
        <location filename="../../agent_app/ui/settings_dialog/phone_settings_dialog.py" line="+47"/>
        <source>Client bridging (any PBX)</source>
        <translation>客户端桥接（任意交换机）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PBX feature code</source>
        <translation>交换机功能码</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Phone and audio settings</source>
        <translation>话机与音频设置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer calls automatically</source>
        <translation>自动接听来电</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Headset</source>
        <translation>耳麦</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Microphone</source>
        <translation>麦克风(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Speaker</source>
        <translation>听筒(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ringing device</source>
        <translation>振铃设备(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;After-call work</source>
        <translation>后处理时长(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP line</source>
        <translation>SIP 线路</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;gistrar</source>
        <translation>注册服务器(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transport</source>
        <translation>传输协议(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User</source>
        <translation>用户(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring (supervisors)</source>
        <translation>监听（班长）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitoring &amp;method</source>
        <translation>监听方式(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature &amp;code</source>
        <translation>功能码(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client bridging works with any PBX: the agent&apos;s desktop mixes the audio. With a PBX feature code the supervisor&apos;s phone dials the code instead, e.g. *22{mode_digit}{extension} for an Asterisk dialplan with ChanSpy: {extension} is the agent&apos;s extension, {mode_digit} is 1 to listen, 2 to whisper, 3 to barge in ({mode}: listen, whisper, barge).</source>
        <translation>客户端桥接适用于任何交换机：由坐席的桌面端混音。选择交换机功能码时，班长的话机改为拨打功能码，例如 Asterisk 拨号方案中用 ChanSpy 的 *22{mode_digit}{extension}：{extension} 为坐席分机号，{mode_digit} 为 1 监听、2 密语、3 强插（{mode}：listen、whisper、barge）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Changes apply from the next sign-in.</source>
        <translation>修改在下次登录后生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
</context>
<context>
    <name>QueryBar</name>
    <message>
        <location filename="../../agent_app/ui/tickets/query_bar.py" line="+92"/>
        <location line="+4"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>发生地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>part of the address</source>
        <translation>地址关键字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>words in the description</source>
        <translation>描述关键字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced…</source>
        <translation>高级查询…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../agent_app/ui/workbench/registration_form.py" line="+322"/>
        <source>Clear the form</source>
        <translation>清空表单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear everything entered in the registration form?</source>
        <translation>清空服务登记中已填写的全部内容？</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Submitting…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Service registration</source>
        <translation>服务登记</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source</source>
        <translation>信息来源(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Urgency</source>
        <translation>紧急程度(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Con&amp;tact</source>
        <translation>联系人(&amp;T)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact p&amp;hone</source>
        <translation>联系电话(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cate&amp;gory</source>
        <translation>服务分类(&amp;G)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Customer name</source>
        <translation>客户姓名(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mete&amp;r no.</source>
        <translation>表号(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Area</source>
        <translation>管理区域(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Addr&amp;ess</source>
        <translation>发生地点(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Descr&amp;iption</source>
        <translation>服务描述(&amp;I)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>O&amp;pinion</source>
        <translation>处理意见(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where it happens; Find lists tickets at similar addresses</source>
        <translation>发生地址；点击查询可列出相近地址的工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the customer reports or asks for</source>
        <translation>客户的诉求</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find</source>
        <translation>查询(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List tickets whose address contains this text (possible duplicates)</source>
        <translation>列出发生地址包含此关键字的工单（可能的重复工单）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove link</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;bmit</source>
        <translation>提交(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit the ticket; the shortcut works anywhere in the form</source>
        <translation>提交工单；在表单任意位置都可用快捷键提交</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear the form after a confirmation</source>
        <translation>确认后清空表单</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Related to ticket %1</source>
        <translation>关联工单：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Submitted. Ticket no. %1</source>
        <translation>已提交  工单编号：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket %1 was registered.</source>
        <translation>工单 %1 已登记。</translation>
    </message>
</context>
<context>
    <name>RelatedTicketDialog</name>
    <message>
        <location filename="../../agent_app/ui/tickets/related_ticket.py" line="+38"/>
        <source>New related ticket — %1</source>
        <translation>新建关联工单 — %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Service category *</source>
        <translation>服务分类 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact phone *</source>
        <translation>联系电话 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>发生地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description *</source>
        <translation>服务描述 *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
</context>
<context>
    <name>SeatBoard</name>
    <message>
        <location filename="../../agent_app/ui/supervisor/board_model.py" line="+56"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extension</source>
        <translation>分机</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line</source>
        <translation>线路</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>通话号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answered today</source>
        <translation>今日接听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seat</source>
        <translation>坐席启用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitored</source>
        <translation>监听人</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Logged out</source>
        <translation>未登入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not ready</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-call work</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dialing</source>
        <translation>外呼中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registering</source>
        <translation>注册中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>已注册</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>注册失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrying</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor</source>
        <translation>班长</translation>
    </message>
    <message>
        <location filename="../../agent_app/ui/supervisor/board_page.py" line="+43"/>
        <source>Listen</source>
        <translation>监听</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whisper</source>
        <translation>密语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barge</source>
        <translation>强插</translation>
    </message>
</context>
<context>
    <name>SeatBoardPage</name>
    <message>
        <location line="+208"/>
        <source>The seat board could not be loaded: the database does not answer.</source>
        <translation>坐席状态无法加载：数据库没有响应。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Connection to the database lost: seat states may be out of date. Reconnecting…</source>
        <translation>与数据库的连接已断开：坐席状态可能不是最新的。正在重新连接…</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+115"/>
        <source>All groups</source>
        <translation>全部分组</translation>
    </message>
    <message numerus="yes">
        <location line="-100"/>
        <source>%n seat(s)</source>
        <translation>
            <numerusform>共 %n 个坐席</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Disable seat</source>
        <translation>停用坐席</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Enable seat</source>
        <translation>启用坐席</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monitoring needs the softphone to be signed in.</source>
        <translation>监听需要先登入软电话。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a seat that is on a call.</source>
        <translation>请选择正在通话的坐席。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Monitoring %1 (%2)</source>
        <translation>正在%2：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connecting to %1 (%2)…</source>
        <translation>正在连接%1（%2）…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Group:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set priority</source>
        <translation>设置优先级</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop</source>
        <translation>结束监听</translation>
    </message>
</context>
<context>
    <name>SessionStatusBar</name>
    <message>
        <location filename="../../agent_app/ui/status_bar.py" line="+108"/>
        <source>Embedded database</source>
        <translation>嵌入式数据库</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disconnected</source>
        <translation>连接中断</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../agent_app/ui/sign_in/window.py" line="+218"/>
        <source>Please enter your account and password.</source>
        <translation>请输入账号和密码。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Please enter the database server.</source>
        <translation>请填写数据库服务器地址。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Agent Desk - Sign in</source>
        <translation>客服坐席系统 - 登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent Desk</source>
        <translation>客服坐席系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer service hotline for water and gas</source>
        <translation>水务 · 燃气客户服务热线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your account</source>
        <translation>请输入账号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your password</source>
        <translation>请输入密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember my password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Embedded database</source>
        <translation>嵌入式数据库</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared database (PostgreSQL)</source>
        <translation>共享数据库 (PostgreSQL)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database name</source>
        <translation>数据库名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database user</source>
        <translation>数据库用户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SimilarTicketsPanel</name>
    <message>
        <location filename="../../agent_app/ui/workbench/similar_tickets.py" line="+65"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Link to selected</source>
        <translation>关联所选工单(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the new ticket as related to the selected one</source>
        <translation>将新工单登记为所选工单的关联工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tickets at similar addresses: %1</source>
        <translation>相近地址的工单：%1 条</translation>
    </message>
</context>
<context>
    <name>Softphone</name>
    <message>
        <location filename="../../agent_app/ui/phone/softphone.py" line="+110"/>
        <source>A supervisor is listening to this call</source>
        <translation>班长正在监听本通话</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>&amp;Phone and audio settings…</source>
        <translation>话机与音频设置(&amp;P)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The phone is not set up: enter the SIP registrar in System → Phone and audio settings.</source>
        <translation>话机尚未设置：请在“系统 → 话机与音频设置”中填写 SIP 注册服务器。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The softphone could not start: %1</source>
        <translation>软电话无法启动：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No headset, calls have no sound: %1</source>
        <translation>未找到耳麦，通话没有声音：%1</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../agent_app/ui/tickets/action_specs.py" line="+28"/>
        <source>Opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dispatch to</source>
        <translation>派单对象</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Handling opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding issues</source>
        <translation>遗留事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for returning</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days</source>
        <translation>延期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the extension</source>
        <translation>延期原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason for rejecting</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related ticket no.</source>
        <translation>关联单号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate of ticket no.</source>
        <translation>重复于工单编号</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+5"/>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Title</source>
        <translation>日志标题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work done</source>
        <translation>工作描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason for suspending</source>
        <translation>挂起原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cause description</source>
        <translation>原因描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit time</source>
        <translation>上门时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completion time</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
</context>
<context>
    <name>TicketColumns</name>
    <message>
        <location filename="../../agent_app/ui/tickets/columns.py" line="+41"/>
        <source>Ticket no.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service category</source>
        <translation>服务分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water company</source>
        <translation>水司名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current handler</source>
        <translation>当前处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>发生地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>逾期时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extensions</source>
        <translation>延期次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation>催办次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding issues</source>
        <translation>遗留事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final handler</source>
        <translation>最终处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched by</source>
        <translation>派单人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device SN</source>
        <translation>设备SN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../agent_app/ui/tickets/detail_dialog.py" line="+223"/>
        <source>Ticket %1</source>
        <translation>工单详情 %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Ticket changed</source>
        <translation>工单已变更</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The ticket has been reloaded; nothing was saved.</source>
        <translation>已重新加载工单的最新内容，本次操作未保存。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Save as PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Information</source>
        <translation>工单信息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Related tickets</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work logs</source>
        <translation>处理日志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Suspensions</source>
        <translation>挂起记录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callbacks</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Play recording</source>
        <translation>播放录音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open ticket</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add attachment…</source>
        <translation>上传附件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New related ticket</source>
        <translation>新建关联工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close window</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ticket</source>
        <translation>工单详情</translation>
    </message>
</context>
<context>
    <name>TicketInfo</name>
    <message>
        <location filename="../../agent_app/ui/tickets/detail_info.py" line="+45"/>
        <source>Ticket no.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket type</source>
        <translation>工单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>信息来源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent</source>
        <translation>客服姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service category</source>
        <translation>客户服务分类</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticket level</source>
        <translation>工单级别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time limit</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint verdict</source>
        <translation>投诉鉴定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extensions</source>
        <translation>延期次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminders</source>
        <translation>催办次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returns</source>
        <translation>退回次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate of</source>
        <translation>重单单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meter no.</source>
        <translation>表号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call time</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area</source>
        <translation>管理区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current handler</source>
        <translation>当前处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched by</source>
        <translation>派单人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispatched to</source>
        <translation>派单对象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final handler</source>
        <translation>最终处理人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related tickets</source>
        <translation>关联单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service description</source>
        <translation>服务描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handling result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding issues</source>
        <translation>遗留事项</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product line</source>
        <translation>产品线</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device SN</source>
        <translation>设备SN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit time</source>
        <translation>上门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>工单完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause description</source>
        <translation>原因描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery note</source>
        <translation>到货单信息</translation>
    </message>
</context>
<context>
    <name>TicketList</name>
    <message>
        <location filename="../../agent_app/ui/tickets/list_model.py" line="+230"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>TicketPrint</name>
    <message>
        <location filename="../../agent_app/ui/tickets/printing.py" line="+39"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phone</source>
        <translation>操作者电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Work done</source>
        <translation>工作描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed %1</source>
        <translation>打印于 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ticket information</source>
        <translation>工单信息</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Flow</source>
        <translation>工单流程</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Work logs</source>
        <translation>处理日志</translation>
    </message>
</context>
<context>
    <name>TicketTables</name>
    <message>
        <location filename="../../agent_app/ui/tickets/detail_tables.py" line="+28"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+107"/>
        <source>Callback result</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+108"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="-107"/>
        <location line="+108"/>
        <source>Feedback</source>
        <translation>客户反馈</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Related ticket</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate of</source>
        <translation>重单单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+83"/>
        <source>Work done</source>
        <translation>工作描述</translation>
    </message>
    <message>
        <location line="-82"/>
        <location line="+79"/>
        <location line="+10"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="-88"/>
        <location line="+79"/>
        <location line="+10"/>
        <source>End</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause</source>
        <translation>原因描述</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit time</source>
        <translation>上门时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completion time</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outstanding issues</source>
        <translation>遗留事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approval level</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+53"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>操作者</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>操作者电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opinion</source>
        <translation>处理意见</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Related</source>
        <translation>关联</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate</source>
        <translation>重单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ticket no.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>关系</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uploaded</source>
        <translation>上传时间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reason</source>
        <translation>挂起原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>实际结束</translation>
    </message>
</context>
<context>
    <name>TicketText</name>
    <message>
        <location filename="../../agent_app/ui/tickets/text.py" line="+41"/>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Service report</source>
        <translation>现场服务报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection report</source>
        <translation>巡检报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acceptance report</source>
        <translation>验收报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Implementation report</source>
        <translation>实施报告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-site photo</source>
        <translation>现场照片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other attachment</source>
        <translation>其他附件</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
</context>
<context>
    <name>TicketTree</name>
    <message>
        <location filename="../../agent_app/ui/tickets/tree.py" line="+26"/>
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待处理工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processed</source>
        <translation>已处理工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My applications</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All tickets</source>
        <translation>所有工单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By category</source>
        <translation>按类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enquiries</source>
        <translation>业务咨询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service requests</source>
        <translation>业务办理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fault reports</source>
        <translation>故障申报</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../agent_app/ui/tickets/tickets_page.py" line="+265"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose columns…</source>
        <translation>列表自定义…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns…</source>
        <translation>列设置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../agent_app/ui/phone/transfer_dialog.py" line="+19"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number or extension</source>
        <translation>号码或分机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer now</source>
        <translation>直接转接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consult first</source>
        <translation>先咨询</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Transfer to</source>
        <translation>转接到</translation>
    </message>
</context>
<context>
    <name>WorkbenchModels</name>
    <message>
        <location filename="../../agent_app/ui/workbench/models.py" line="+112"/>
        <location line="+32"/>
        <source>Ticket no.</source>
        <translation>工单编号</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <source>Category</source>
        <translation>服务分类</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+33"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Description</source>
        <translation>服务描述</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Address</source>
        <translation>发生地点</translation>
    </message>
</context>
</TS>
